import { describe, expect, it } from "vitest";
import { openEnvelope, sealEnvelope } from "../../src/store/envelope.ts";

describe("the stored envelope", () => {
  const body = JSON.stringify({ a: { source: "const a = 1;" } });

  it("opens what it sealed, with the extra fields in place", () => {
    const text = sealEnvelope("l.md", "cells", body, { learner: "x1" });
    expect(text.indexOf('"learner"')).toBeLessThan(text.indexOf('"checksum"'));
    const opened = openEnvelope(text, "l.md", "cells");
    expect(opened).toMatchObject({ ok: true, raw: { version: 1, lesson: "l.md", learner: "x1", cells: JSON.parse(body) } });
  });

  it("refuses torn, garbled, foreign and future copies, each for its reason", () => {
    const text = sealEnvelope("l.md", "cells", body);
    expect(openEnvelope(text.slice(0, text.length >> 1), "l.md", "cells")).toEqual({ ok: false, problem: "corrupt" });
    expect(openEnvelope(text.replace("const a = 1", "const a = 2"), "l.md", "cells")).toEqual({ ok: false, problem: "corrupt" });
    expect(openEnvelope(text, "other.md", "cells")).toEqual({ ok: false, problem: "foreign" });
    expect(openEnvelope(text.replace('"version":1', '"version":2'), "l.md", "cells")).toEqual({ ok: false, problem: "version" });
    expect(openEnvelope(text, "l.md", "entries")).toEqual({ ok: false, problem: "corrupt" });
    expect(openEnvelope("[1]", "l.md", "cells")).toEqual({ ok: false, problem: "corrupt" });
  });
});
