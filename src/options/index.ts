// PLACEHOLDER: the options page is built by the popup/options work (issue 4).
export {};
