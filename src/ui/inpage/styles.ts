// The in-page UI's styles (inpage.css), as the string the shadow root's <style> holds. build.mjs
// loads .css imported from the content script as minified text.
import css from './inpage.css';

export const UI_CSS: string = css;
