// The units named in the department's 2020 reform plan (docs/rules/department.md). Codes are local short
// names; the admin can rename, add or move units later.
export interface SeedUnit {
  code: string;
  name_vi: string;
  name_en: string;
  kind: string;
  parent?: string;
}

export const demoUnits: SeedUnit[] = [
  { code: "BGD", name_vi: "Ban Giám đốc", name_en: "Board of Directors", kind: "board" },
  { code: "VP", name_vi: "Văn phòng Sở", name_en: "Office of the Department", kind: "office" },
  { code: "KHTC", name_vi: "Phòng Kế hoạch - Tài chính", name_en: "Planning and Finance Division", kind: "division" },
  { code: "QLKH", name_vi: "Phòng Quản lý Khoa học", name_en: "Science Management Division", kind: "division" },
  {
    code: "QLCN",
    name_vi: "Phòng Quản lý Công nghệ và Chuyên ngành",
    name_en: "Technology and Specialised Management Division",
    kind: "division",
  },
  {
    code: "CCTDC",
    name_vi: "Chi cục Tiêu chuẩn Đo lường Chất lượng",
    name_en: "Sub-department of Standards, Metrology and Quality",
    kind: "subdepartment",
  },
  {
    code: "TTKT",
    name_vi: "Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng",
    name_en: "Technical Centre for Standards, Metrology and Quality",
    kind: "center",
    parent: "CCTDC",
  },
  {
    code: "TTUD",
    name_vi: "Trung tâm Ứng dụng Tiến bộ Khoa học và Công nghệ",
    name_en: "Centre for Application of Scientific and Technological Advances",
    kind: "center",
  },
  {
    code: "TTTT",
    name_vi: "Trung tâm Thông tin và Thống kê Khoa học và Công nghệ",
    name_en: "Centre for Science and Technology Information and Statistics",
    kind: "center",
  },
];
