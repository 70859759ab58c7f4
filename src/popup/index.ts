// PLACEHOLDER: the popup page is built by the popup/options work (issue 4).
export {};
