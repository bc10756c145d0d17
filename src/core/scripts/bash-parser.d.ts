// Type declaration for @ericcornelissen/bash-parser, which ships no types.
declare module '@ericcornelissen/bash-parser' {
  interface ParseOptions {
    insertLOC?: boolean;
    mode?: 'posix' | 'bash';
  }
  function parse(source: string, options?: ParseOptions): unknown;
  export = parse;
}
