// `__import(specifier)`: a cell's dynamic import, served only from the lesson's module table.

/** Creates the loader cells call for `import … from "specifier"`. */
export function createImporter(modules: Record<string, () => Promise<unknown>>, file: string): (specifier: string) => Promise<unknown> {
  return (specifier) => {
    const load = Object.hasOwn(modules, specifier) ? modules[specifier] : undefined;
    if (!load) {
      const known = Object.keys(modules);
      return Promise.reject(
        new Error(
          `cannot import "${specifier}": ${file} can only import ${known.length ? known.map((k) => `"${k}"`).join(", ") : "no modules"}` +
            ` (a module must be a dependency of the project and imported at a cell's top level)`,
        ),
      );
    }
    return load();
  };
}
