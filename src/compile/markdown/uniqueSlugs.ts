// Unique heading ids in linear time. markdown-it-anchor de-duplicates by trying `slug-1`,
// `slug-2`… from 1 for every repeat, so 20,000 identical headings took ~30 s (quadratic); here
// each base slug remembers where its count stands. The ids are the ones markdown-it-anchor gives.

/** Makes each slug unique within one document: `same`, `same-1`, `same-2`… */
export interface SlugRegistry {
  unique(slug: string): string;
  /** How many candidate ids were looked up so far (the work done, for tests). */
  probes: number;
}

/** A registry for one document. */
export function createSlugRegistry(): SlugRegistry {
  const used = new Set<string>();
  const next = new Map<string, number>();
  const registry: SlugRegistry = {
    probes: 0,
    unique(slug) {
      let id = slug;
      registry.probes++;
      if (used.has(id)) {
        let index = next.get(slug) ?? 1;
        do {
          id = `${slug}-${index++}`;
          registry.probes++;
        } while (used.has(id));
        next.set(slug, index);
      }
      used.add(id);
      return id;
    },
  };
  return registry;
}
