// PLACEHOLDER: the content script is built by the in-page work (issue 3).
export {};
