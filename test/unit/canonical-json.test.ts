import { describe, expect, it } from "vitest";
import { canonicalize } from "../../worker/domain/log/index.ts";

describe("canonicalize (RFC 8785)", () => {
  it("produces the RFC 8785 section 3.2.2 example", () => {
    // The input of the RFC's example, parsed, so numbers go through IEEE 754 as specified.
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals": [null, true, false]}',
    );
    expect(canonicalize(input)).toBe(
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it("sorts keys by UTF-16 code units (RFC 8785 section 3.2.3 example)", () => {
    const input = {
      "\u20ac": "Euro Sign",
      "\r": "Carriage Return",
      "\ufb33": "Hebrew Letter Dalet With Dagesh",
      "1": "One",
      "\ud83d\ude00": "Emoji: Grinning Face",
      "\u0080": "Control",
      "\u00f6": "Latin Small Letter O With Diaeresis",
    };
    expect(canonicalize(input)).toBe(
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","\ufb33":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it("serializes numbers as in RFC 8785 appendix B", () => {
    const fromBits = (hex: string) => new DataView(Uint8Array.from(hex.match(/../g)!, (h) => parseInt(h, 16)).buffer).getFloat64(0);
    const table: Array<[string, string]> = [
      ["0000000000000000", "0"],
      ["8000000000000000", "0"],
      ["0000000000000001", "5e-324"],
      ["8000000000000001", "-5e-324"],
      ["7fefffffffffffff", "1.7976931348623157e+308"],
      ["ffefffffffffffff", "-1.7976931348623157e+308"],
      ["4340000000000000", "9007199254740992"],
      ["c340000000000000", "-9007199254740992"],
      ["4430000000000000", "295147905179352830000"],
      ["44b52d02c7e14af5", "9.999999999999997e+22"],
      ["44b52d02c7e14af6", "1e+23"],
      ["44b52d02c7e14af7", "1.0000000000000001e+23"],
      ["444b1ae4d6e2ef4e", "999999999999999700000"],
      ["444b1ae4d6e2ef4f", "999999999999999900000"],
      ["444b1ae4d6e2ef50", "1e+21"],
      ["3eb0c6f7a0b5ed8c", "9.999999999999997e-7"],
      ["3eb0c6f7a0b5ed8d", "0.000001"],
      ["41b3de4355555553", "333333333.3333332"],
      ["41b3de4355555554", "333333333.33333325"],
      ["41b3de4355555555", "333333333.3333333"],
      ["41b3de4355555556", "333333333.3333334"],
      ["41b3de4355555557", "333333333.33333343"],
      ["becbf647612f3696", "-0.0000033333333333333333"],
      ["43143ff3c1cb0959", "1424953923781206.2"],
    ];
    for (const [bits, want] of table) expect(canonicalize(fromBits(bits)), bits).toBe(want);
  });

  it("refuses numbers JSON cannot hold", () => {
    for (const n of [NaN, Infinity, -Infinity]) expect(() => canonicalize({ n })).toThrow(/finite/);
  });

  it("escapes only what it must", () => {
    expect(canonicalize("\u0000\u0008\t\n\u000b\f\r\u001f \u007f\u2028/é")).toBe('"\\u0000\\b\\t\\n\\u000b\\f\\r\\u001f \u007f\u2028/é"');
  });

  it("omits undefined members and refuses what is not JSON data", () => {
    expect(canonicalize({ b: 1, a: undefined, c: { z: [], y: {} } })).toBe('{"b":1,"c":{"y":{},"z":[]}}');
    expect(() => canonicalize(undefined)).toThrow();
    expect(() => canonicalize([1, undefined])).toThrow(/\[1\]/);
    expect(() => canonicalize({ a: 1n })).toThrow(/bigint/);
    expect(() => canonicalize({ f: () => 1 })).toThrow(/function/);
    expect(() => canonicalize(new Date(0))).toThrow(/plain object/);
    expect(() => canonicalize({ s: "\ud800" })).toThrow(/surrogate/);
    expect(() => canonicalize({ ["\udc00"]: 1 })).toThrow(/surrogate/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => canonicalize(cyclic)).toThrow(/cycle/);
    // Shared (non-cyclic) references are fine.
    const shared = { x: 1 };
    expect(canonicalize([shared, shared])).toBe('[{"x":1},{"x":1}]');
  });

  it("is a fixed point of JSON.parse for its own output", () => {
    const value = { kind: "disclosure.recorded", n: -0, list: [1.5, "a", null, { "é": true, e: false }], nested: { b: 2, a: 1 } };
    const text = canonicalize(value);
    expect(canonicalize(JSON.parse(text))).toBe(text);
    expect(text).toBe('{"kind":"disclosure.recorded","list":[1.5,"a",null,{"e":false,"é":true}],"n":0,"nested":{"a":1,"b":2}}');
  });
});
