// The two Node built-ins the Node loaders use (load_node.ts,
// load_node_cjs.ts), declared here so the package needs no @types/node.
declare module 'node:fs' {
  export function readFileSync(path: string | URL): Uint8Array<ArrayBuffer>;
}

declare module 'node:path' {
  export function join(...parts: string[]): string;
}

declare module 'node:module' {
  export function createRequire(from: string | URL): (id: string) => unknown;
}
