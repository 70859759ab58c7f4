// .css files imported by the in-page UI arrive as their (minified) text: build.mjs `cssTextPlugin`.
declare module '*.css' {
  const css: string;
  export default css;
}
