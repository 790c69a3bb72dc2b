// Administrative procedures handled by a provincial Department of Science and Technology
// (public facts from the national procedure catalogue). The codes here are local; the national
// procedure codes are left for the admin to fill in from the national public-service portal.
export interface SeedProcedure {
  code: string;
  unit: string;
  field_vi: string;
  field_en: string;
  name_vi: string;
  name_en: string;
}

const STQ = { field_vi: "Tiêu chuẩn, Đo lường, Chất lượng", field_en: "Standards, metrology and quality" };
const RAD = { field_vi: "An toàn bức xạ và hạt nhân", field_en: "Radiation and nuclear safety" };
const SCI = { field_vi: "Hoạt động khoa học và công nghệ", field_en: "Science and technology activities" };
const TECH = { field_vi: "Chuyển giao công nghệ", field_en: "Technology transfer" };
const IP = { field_vi: "Sở hữu trí tuệ", field_en: "Intellectual property" };
const INFO = { field_vi: "Thông tin khoa học và công nghệ", field_en: "Science and technology information" };

export const demoProcedures: SeedProcedure[] = [
  {
    code: "KHCN-01",
    unit: "QLKH",
    ...SCI,
    name_vi: "Cấp Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ",
    name_en: "Registration certificate for science and technology activities",
  },
  {
    code: "KHCN-02",
    unit: "QLKH",
    ...SCI,
    name_vi: "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ",
    name_en: "Certificate of science and technology enterprise",
  },
  {
    code: "KHCN-03",
    unit: "QLKH",
    ...SCI,
    name_vi: "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà nước",
    name_en: "Registration of results of science and technology tasks not funded by the state budget",
  },
  {
    code: "KHCN-04",
    unit: "TTTT",
    ...INFO,
    name_vi: "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ cấp tỉnh sử dụng ngân sách nhà nước",
    name_en: "Registration of results of state-funded provincial science and technology tasks",
  },
  {
    code: "KHCN-05",
    unit: "QLCN",
    ...TECH,
    name_vi: "Đăng ký hợp đồng chuyển giao công nghệ",
    name_en: "Registration of a technology transfer contract",
  },
  {
    code: "KHCN-06",
    unit: "QLCN",
    ...TECH,
    name_vi: "Đăng ký gia hạn, sửa đổi, bổ sung nội dung chuyển giao công nghệ",
    name_en: "Extension or amendment of a registered technology transfer",
  },
  {
    code: "KHCN-07",
    unit: "QLCN",
    ...TECH,
    name_vi: "Cho ý kiến về công nghệ của dự án đầu tư",
    name_en: "Opinion on the technology of an investment project",
  },
  {
    code: "KHCN-08",
    unit: "QLCN",
    ...RAD,
    name_vi: "Cấp giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế",
    name_en: "Licence for radiation work: use of medical diagnostic X-ray equipment",
  },
  {
    code: "KHCN-09",
    unit: "QLCN",
    ...RAD,
    name_vi: "Gia hạn giấy phép tiến hành công việc bức xạ - sử dụng thiết bị X-quang chẩn đoán trong y tế",
    name_en: "Renewal of a licence to use medical diagnostic X-ray equipment",
  },
  {
    code: "KHCN-10",
    unit: "QLCN",
    ...RAD,
    name_vi: "Cấp chứng chỉ nhân viên bức xạ (người phụ trách an toàn cơ sở X-quang chẩn đoán trong y tế)",
    name_en: "Radiation worker certificate (radiation safety officer of a medical X-ray facility)",
  },
  {
    code: "KHCN-11",
    unit: "QLCN",
    ...RAD,
    name_vi: "Khai báo thiết bị X-quang chẩn đoán trong y tế",
    name_en: "Declaration of medical diagnostic X-ray equipment",
  },
  {
    code: "KHCN-12",
    unit: "QLCN",
    ...RAD,
    name_vi:
      "Phê duyệt kế hoạch ứng phó sự cố bức xạ cấp cơ sở (đối với công việc sử dụng thiết bị X-quang chẩn đoán trong y tế)",
    name_en: "Approval of a facility radiation incident response plan (medical X-ray)",
  },
  {
    code: "KHCN-13",
    unit: "CCTDC",
    ...STQ,
    name_vi: "Đăng ký công bố hợp chuẩn dựa trên kết quả tự đánh giá của tổ chức, cá nhân sản xuất, kinh doanh",
    name_en: "Declaration of conformity with standards based on self-assessment",
  },
  {
    code: "KHCN-14",
    unit: "CCTDC",
    ...STQ,
    name_vi: "Đăng ký công bố hợp quy đối với sản phẩm, hàng hóa",
    name_en: "Declaration of conformity with technical regulations for products and goods",
  },
  {
    code: "KHCN-15",
    unit: "CCTDC",
    ...STQ,
    name_vi: "Kiểm tra nhà nước về chất lượng hàng hóa nhập khẩu",
    name_en: "State inspection of the quality of imported goods",
  },
  {
    code: "KHCN-16",
    unit: "CCTDC",
    ...STQ,
    name_vi: "Đăng ký kiểm tra nhà nước về đo lường đối với phương tiện đo, lượng của hàng đóng gói sẵn nhập khẩu",
    name_en: "State metrological inspection of imported measuring instruments and pre-packaged goods",
  },
  {
    code: "KHCN-17",
    unit: "CCTDC",
    ...STQ,
    name_vi: "Chứng nhận chuẩn đo lường để kiểm định, hiệu chuẩn, thử nghiệm phương tiện đo",
    name_en: "Certification of measurement standards for verification, calibration and testing",
  },
  {
    code: "KHCN-18",
    unit: "CCTDC",
    ...STQ,
    name_vi:
      "Cấp giấy phép vận chuyển hàng nguy hiểm là các chất ôxy hóa, hợp chất ôxít hữu cơ và các chất ăn mòn bằng phương tiện giao thông cơ giới đường bộ",
    name_en: "Permit to transport dangerous goods (oxidisers, organic peroxides and corrosives) by road",
  },
  {
    code: "KHCN-19",
    unit: "CCTDC",
    ...STQ,
    name_vi: "Xét tặng Giải thưởng Chất lượng quốc gia (cấp tỉnh tiếp nhận hồ sơ)",
    name_en: "National Quality Award (dossiers received at provincial level)",
  },
  {
    code: "KHCN-20",
    unit: "QLCN",
    ...IP,
    name_vi: "Hỗ trợ đăng ký bảo hộ quyền sở hữu công nghiệp cho tổ chức, cá nhân trên địa bàn tỉnh",
    name_en: "Support for registering industrial property rights in the province",
  },
];
