// Demo staff accounts, one per role. DEMO ONLY: the passwords are public (README and console),
// and the seed never runs on a real deployment (SEED_DEMO=false).
import type { Role } from "../tables/staff";

export const demoStaff: { email: string; name: string; role: Role; unit: string | null; password: string }[] = [
  { email: "admin@demo.hailong.vn", name: "Nguyễn Quản Trị", role: "admin", unit: null, password: "demo-Admin-2026" },
  {
    email: "vanphong@demo.hailong.vn",
    name: "Trần Thị Văn Phòng",
    role: "office",
    unit: "VP",
    password: "demo-Office-2026",
  },
  { email: "donvi@demo.hailong.vn", name: "Lê Văn Đơn Vị", role: "unit", unit: "QLCN", password: "demo-Unit-2026" },
  {
    email: "lanhdao@demo.hailong.vn",
    name: "Phạm Lãnh Đạo",
    role: "viewer",
    unit: "BGD",
    password: "demo-Viewer-2026",
  },
  {
    email: "tinh@demo.hailong.vn",
    name: "Hoàng Cấp Tỉnh",
    role: "province",
    unit: null,
    password: "demo-Province-2026",
  },
];
