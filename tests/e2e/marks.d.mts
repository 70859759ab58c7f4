export interface Marked {
  /** the box's severity class (block, warn, info), or the mirror mark's class */
  severity: string;
  text: string;
}
/** The document and every open shadow root in it. */
export declare function openScopes(): Array<Document | ShadowRoot>;
/** The words PostCheck marks (see marks.mjs); self-contained, to be sent into a browser as source. */
export declare function marksUnderBoxes(root: ShadowRoot | null, scopes: Array<Document | ShadowRoot>): Marked[];
