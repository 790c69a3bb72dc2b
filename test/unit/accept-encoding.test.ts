import { pickEncoding } from "~/kernel/http/accept-encoding";

const both = { br: true, gzip: true };

describe("pickEncoding", () => {
  it("prefers Brotli, then gzip, then the file as it is", () => {
    expect(pickEncoding("gzip, deflate, br", both)).toBe("br");
    expect(pickEncoding("gzip", both)).toBe("gzip");
    expect(pickEncoding("deflate", both)).toBe("identity");
    expect(pickEncoding(undefined, both)).toBe("identity");
    expect(pickEncoding("", both)).toBe("identity");
  });
  it("never sends a coding the client refused with q=0, and reads * as any other coding", () => {
    expect(pickEncoding("br;q=0, gzip", both)).toBe("gzip");
    expect(pickEncoding("br;q=0, gzip;q=0", both)).toBe("identity");
    expect(pickEncoding("*", both)).toBe("br");
    expect(pickEncoding("*;q=0, gzip", both)).toBe("gzip");
    expect(pickEncoding("BR ; Q=0.5", both)).toBe("br");
    expect(pickEncoding("br;q=zz", both)).toBe("identity");
  });
  it("only picks a form the file has", () => {
    expect(pickEncoding("br, gzip", { br: false, gzip: true })).toBe("gzip");
    expect(pickEncoding("br", { br: false, gzip: true })).toBe("identity");
    expect(pickEncoding("x-gzip", { br: false, gzip: true })).toBe("gzip");
  });
});
