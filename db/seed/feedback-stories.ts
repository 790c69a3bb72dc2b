// Demo feedback: realistic cases about the department's procedures, with obviously fictitious
// senders (names "Mẫu/Thử", phone numbers 0900 000 0xx, addresses on "đường Thử Nghiệm").
// Steps are in working days after receipt; the seed replays them through the workflow rules.
import type { FeedbackClass, FeedbackKind, Rating } from "../../app/features/feedback/feedback-workflow";

export type StoryStep =
  | { wd: number; action: "classify"; cls: FeedbackClass; agency?: string; dispatch?: string; by?: string }
  | { wd: number; action: "assign"; unit: string; assignee?: string; by?: string }
  | { wd: number; action: "request_info"; note: string; by?: string }
  | { wd: number; action: "add_info"; note: string }
  | { wd: number; action: "refuse"; reason: string; by?: string }
  | { wd: number; action: "note"; note: string; by?: string }
  | { wd: number; action: "draft"; answer: string; by?: string }
  | { wd: number; action: "approve"; approver: string; by?: string }
  | { wd: number; action: "publish"; by?: string }
  | { wd: number; action: "mark_notified"; note?: string; by?: string }
  | { wd: number; action: "rate"; rating: Rating; note?: string };

export interface Story {
  daysAgo: number;
  kind: FeedbackKind;
  procedure?: string;
  dossierCode?: string;
  title: string;
  content: string;
  contact: { name: string; address: string; phone: string; email?: string; organisation?: string };
  steps: StoryStep[];
}

const GD = "Ông Nguyễn Văn Duyệt, Phó Giám đốc Sở (dữ liệu mẫu)";
const addr = (n: number) => `Số ${n} đường Thử Nghiệm, phường Mẫu, TP. Mỹ Tho, tỉnh Tiền Giang (địa chỉ mẫu)`;

export const feedbackStories: Story[] = [
  {
    daysAgo: 150,
    kind: "phan_anh",
    procedure: "KHCN-09",
    dossierCode: "000.00.27.H55-260601-0012",
    title: "Gia hạn giấy phép X-quang bị trả kết quả chậm",
    content:
      "Phòng khám chúng tôi nộp hồ sơ gia hạn giấy phép sử dụng thiết bị X-quang chẩn đoán đúng hạn, giấy hẹn ghi ngày trả kết quả nhưng đến nay đã quá 7 ngày vẫn chưa nhận được giấy phép. Đề nghị Sở kiểm tra và thông báo lý do.",
    contact: {
      name: "Nguyễn Văn Mẫu",
      address: addr(1),
      phone: "0900 000 001",
      organisation: "Phòng khám Mẫu (dữ liệu mẫu)",
    },
    steps: [
      { wd: 1, action: "classify", cls: "competent" },
      { wd: 1, action: "assign", unit: "QLCN", assignee: "donvi@demo.hailong.vn" },
      {
        wd: 6,
        action: "draft",
        answer:
          "Hồ sơ của phòng khám bị chậm do cần bổ sung kết quả kiểm định thiết bị. Sở đã cấp giấy phép ngày làm việc tiếp theo sau khi nhận đủ, đã gửi thư xin lỗi vì không báo trước lý do chậm. Từ tháng này, Phòng Quản lý Công nghệ và Chuyên ngành gọi điện báo ngay khi hồ sơ có vướng mắc.",
        by: "donvi@demo.hailong.vn",
      },
      { wd: 8, action: "approve", approver: GD },
      { wd: 9, action: "publish" },
      { wd: 9, action: "mark_notified", note: "Đã gọi điện báo kết quả." },
      { wd: 11, action: "rate", rating: "satisfied" },
    ],
  },
  {
    daysAgo: 130,
    kind: "kien_nghi",
    procedure: "KHCN-14",
    title: "Cho phép nộp hồ sơ công bố hợp quy hoàn toàn trực tuyến",
    content:
      "Doanh nghiệp chúng tôi công bố hợp quy nhiều lần mỗi năm. Hiện vẫn phải nộp bản giấy kết quả chứng nhận. Kiến nghị Sở cho nộp bản điện tử có chữ ký số để giảm chi phí đi lại.",
    contact: {
      name: "Trần Thị Thử",
      address: addr(2),
      phone: "0900 000 002",
      email: "thu.tran@example.com",
      organisation: "Công ty TNHH Mẫu Thử (dữ liệu mẫu)",
    },
    steps: [
      { wd: 1, action: "classify", cls: "competent" },
      { wd: 2, action: "assign", unit: "CCTDC" },
      {
        wd: 10,
        action: "draft",
        answer:
          "Sở tiếp thu kiến nghị. Từ quý sau, hồ sơ công bố hợp quy được nhận bản điện tử có chữ ký số qua Cổng dịch vụ công; doanh nghiệp không phải nộp bản giấy kết quả chứng nhận nếu tổ chức chứng nhận đã ký số.",
      },
      { wd: 12, action: "approve", approver: GD },
      { wd: 13, action: "publish" },
      { wd: 15, action: "rate", rating: "satisfied" },
    ],
  },
  {
    daysAgo: 110,
    kind: "phan_anh",
    procedure: "KHCN-05",
    title: "Bị yêu cầu nộp thêm giấy tờ không có trong thủ tục",
    content:
      "Khi nộp hồ sơ đăng ký hợp đồng chuyển giao công nghệ, cán bộ tiếp nhận yêu cầu nộp thêm bản dịch công chứng toàn bộ phụ lục kỹ thuật, trong khi thủ tục công bố không yêu cầu.",
    contact: {
      name: "Lê Văn Ví Dụ",
      address: addr(3),
      phone: "0900 000 003",
      organisation: "Công ty CP Ví Dụ (dữ liệu mẫu)",
    },
    steps: [
      { wd: 1, action: "classify", cls: "conduct" },
      { wd: 1, action: "assign", unit: "VP" },
      {
        wd: 8,
        action: "draft",
        answer:
          "Sở đã làm việc với cán bộ tiếp nhận. Thủ tục chỉ yêu cầu bản dịch các phần có nội dung chuyển giao; yêu cầu dịch toàn bộ phụ lục là không đúng. Sở đã nhắc nhở cán bộ.",
      },
      { wd: 9, action: "approve", approver: GD },
      { wd: 10, action: "publish" },
      { wd: 10, action: "mark_notified", note: "Đã gọi điện báo kết quả." },
      { wd: 12, action: "rate", rating: "unsatisfied", note: "Chưa nói rõ tôi có phải nộp lại hồ sơ không." },
      {
        wd: 13,
        action: "draft",
        answer:
          "Sở đã làm việc với cán bộ tiếp nhận. Thủ tục chỉ yêu cầu bản dịch các phần có nội dung chuyển giao; yêu cầu dịch toàn bộ phụ lục là không đúng và Sở đã nhắc nhở cán bộ. Doanh nghiệp không phải nộp lại hồ sơ: hồ sơ đã nộp được giữ nguyên ngày tiếp nhận ban đầu.",
      },
      { wd: 14, action: "approve", approver: GD },
      { wd: 14, action: "publish" },
      { wd: 14, action: "mark_notified", note: "Đã gọi điện báo kết quả lần hai." },
      { wd: 16, action: "rate", rating: "satisfied" },
    ],
  },
  {
    daysAgo: 95,
    kind: "phan_anh",
    title: "Thu tiền sử dụng đất khi chuyển mục đích đất xây nhà xưởng",
    content:
      "Tôi phản ánh việc tính tiền sử dụng đất khi chuyển mục đích sử dụng đất nông nghiệp sang đất sản xuất kinh doanh chưa hợp lý, đề nghị xem xét.",
    contact: { name: "Phạm Văn Minh Họa", address: addr(4), phone: "0900 000 004" },
    steps: [
      {
        wd: 2,
        action: "classify",
        cls: "transferred",
        agency: "Sở Nông nghiệp và Môi trường tỉnh Tiền Giang",
        dispatch: "125/SKHCN-VP",
      },
    ],
  },
  {
    daysAgo: 90,
    kind: "phan_anh",
    title: "Khiếu nại bản án dân sự",
    content: "Tôi không đồng ý với bản án sơ thẩm về tranh chấp hợp đồng mua bán, đề nghị Sở xem xét lại bản án.",
    contact: { name: "Võ Thị Giả Định", address: addr(5), phone: "0900 000 005" },
    steps: [
      {
        wd: 1,
        action: "refuse",
        reason:
          "Nội dung là khiếu nại đối với bản án của Tòa án, không phải phản ánh, kiến nghị về quy định hành chính (Nghị định 20/2008/NĐ-CP). Đề nghị ông/bà thực hiện kháng cáo theo Bộ luật Tố tụng dân sự.",
      },
    ],
  },
  {
    daysAgo: 80,
    kind: "kien_nghi",
    procedure: "KHCN-17",
    title: "Công khai bảng phí kiểm định, hiệu chuẩn",
    content:
      "Đề nghị Sở công khai bảng phí kiểm định, hiệu chuẩn phương tiện đo trên cổng thông tin để doanh nghiệp dự trù chi phí trước khi nộp hồ sơ.",
    contact: {
      name: "Đặng Văn Tạm",
      address: addr(6),
      phone: "0900 000 006",
      organisation: "Hợp tác xã Mẫu (dữ liệu mẫu)",
    },
    steps: [
      { wd: 2, action: "classify", cls: "competent" },
      { wd: 3, action: "assign", unit: "CCTDC" },
      { wd: 14, action: "note", note: "Đang đối chiếu biểu phí với Trung tâm Kỹ thuật." },
      {
        wd: 16,
        action: "draft",
        answer:
          "Bảng phí kiểm định, hiệu chuẩn theo Thông tư của Bộ Tài chính đã được đăng tại mục Thủ tục hành chính của cổng thông tin Sở và niêm yết tại Bộ phận một cửa.",
      },
      { wd: 17, action: "approve", approver: GD },
      { wd: 18, action: "publish" },
      { wd: 19, action: "mark_notified", note: "Đã gửi thư qua bưu điện." },
      { wd: 20, action: "rate", rating: "satisfied" },
    ],
  },
  {
    daysAgo: 70,
    kind: "phan_anh",
    procedure: "KHCN-01",
    title: "Thông tin thủ tục trên cổng thông tin chưa cập nhật",
    content:
      "Mẫu đơn đăng ký hoạt động khoa học và công nghệ đăng trên cổng thông tin của Sở vẫn là mẫu cũ, khi nộp thì bị trả lại vì sai mẫu.",
    contact: { name: "Huỳnh Thị Mẫu Số Hai", address: addr(7), phone: "0900 000 007" },
    steps: [
      { wd: 1, action: "classify", cls: "competent" },
      { wd: 1, action: "assign", unit: "QLKH" },
      {
        wd: 5,
        action: "draft",
        answer:
          "Sở cảm ơn phản ánh. Mẫu đơn mới đã được thay trên cổng thông tin. Hồ sơ nộp theo mẫu cũ trước ngày thay vẫn được tiếp nhận.",
      },
      { wd: 6, action: "approve", approver: GD },
      { wd: 7, action: "publish" },
    ],
  },
  {
    daysAgo: 60,
    kind: "phan_anh",
    procedure: "KHCN-11",
    title: "Không rõ hồ sơ khai báo thiết bị X-quang cần những gì",
    content: "Tôi muốn hỏi về việc khai báo thiết bị X-quang mới mua nhưng hướng dẫn chưa rõ.",
    contact: { name: "Bùi Văn Thử Ba", address: addr(8), phone: "0900 000 008" },
    steps: [
      {
        wd: 2,
        action: "request_info",
        note: "Xin cho biết loại thiết bị (X-quang răng, X-quang tổng hợp…) và nơi đặt thiết bị để Sở hướng dẫn đúng.",
      },
      { wd: 4, action: "add_info", note: "Thiết bị X-quang răng gắn tường, đặt tại phòng khám nha khoa ở TP. Mỹ Tho." },
      { wd: 5, action: "classify", cls: "competent" },
      { wd: 5, action: "assign", unit: "QLCN", assignee: "donvi@demo.hailong.vn" },
      {
        wd: 9,
        action: "draft",
        answer:
          "Thiết bị X-quang răng gắn tường cần khai báo theo mẫu 01 kèm bản sao chứng từ mua thiết bị. Hồ sơ nộp tại Bộ phận một cửa hoặc trực tuyến; không mất phí.",
        by: "donvi@demo.hailong.vn",
      },
      { wd: 10, action: "approve", approver: GD },
      { wd: 10, action: "publish" },
      { wd: 10, action: "mark_notified", note: "Đã gọi điện báo kết quả." },
      { wd: 12, action: "rate", rating: "satisfied" },
    ],
  },
  {
    daysAgo: 45,
    kind: "kien_nghi",
    title: "Tiếp nhận hồ sơ vào sáng thứ Bảy",
    content: "Kiến nghị Bộ phận một cửa của Sở tiếp nhận hồ sơ vào sáng thứ Bảy để người lao động không phải nghỉ làm.",
    contact: { name: "Ngô Thị Minh Họa", address: addr(9), phone: "0900 000 009" },
    steps: [
      { wd: 1, action: "classify", cls: "competent" },
      { wd: 2, action: "assign", unit: "VP" },
      {
        wd: 8,
        action: "draft",
        answer:
          "Sở tiếp thu kiến nghị và đang phối hợp với Trung tâm Phục vụ hành chính công tỉnh để bố trí tiếp nhận hồ sơ sáng thứ Bảy.",
      },
    ],
  },
  {
    daysAgo: 40,
    kind: "phan_anh",
    procedure: "KHCN-08",
    title: "Chậm cấp giấy phép tiến hành công việc bức xạ",
    content: "Hồ sơ xin cấp giấy phép sử dụng thiết bị X-quang của bệnh viện đã quá hạn hẹn trả nhưng chưa có kết quả.",
    contact: {
      name: "Trương Văn Mẫu Bốn",
      address: addr(10),
      phone: "0900 000 010",
      organisation: "Bệnh viện Mẫu (dữ liệu mẫu)",
    },
    steps: [
      { wd: 1, action: "classify", cls: "competent" },
      { wd: 2, action: "assign", unit: "QLCN", assignee: "donvi@demo.hailong.vn" },
      {
        wd: 6,
        action: "note",
        note: "Chờ kết quả đánh giá an toàn của đơn vị kiểm định.",
        by: "donvi@demo.hailong.vn",
      },
    ],
  },
  {
    daysAgo: 25,
    kind: "phan_anh",
    title: "Cán bộ không hướng dẫn đầy đủ",
    content: "Tôi đến nộp hồ sơ nhưng không được hướng dẫn đầy đủ, phải đi lại nhiều lần.",
    contact: { name: "Lý Thị Thử Năm", address: addr(11), phone: "0900 000 011" },
    steps: [
      {
        wd: 2,
        action: "request_info",
        note: "Xin cho biết thủ tục đã nộp, ngày đến Bộ phận một cửa và mã hồ sơ (nếu có) để Sở xác minh.",
      },
    ],
  },
  {
    daysAgo: 12,
    kind: "kien_nghi",
    title: "Tổ chức tập huấn về sở hữu trí tuệ cho hợp tác xã",
    content: "Đề nghị Sở tổ chức tập huấn đăng ký nhãn hiệu tập thể cho các hợp tác xã trái cây trong huyện.",
    contact: {
      name: "Phan Văn Thử Sáu",
      address: addr(12),
      phone: "0900 000 012",
      organisation: "Hợp tác xã Trái cây Mẫu (dữ liệu mẫu)",
    },
    steps: [
      { wd: 1, action: "classify", cls: "competent" },
      { wd: 2, action: "assign", unit: "TTUD" },
    ],
  },
  {
    daysAgo: 8,
    kind: "phan_anh",
    procedure: "KHCN-13",
    title: "Giấy hẹn trả kết quả ghi sai ngày",
    content: "Giấy tiếp nhận hồ sơ công bố hợp chuẩn ghi ngày hẹn trả kết quả rơi vào Chủ nhật.",
    contact: { name: "Đỗ Thị Mẫu Bảy", address: addr(13), phone: "0900 000 013", email: "mau7@example.com" },
    steps: [
      { wd: 1, action: "classify", cls: "competent" },
      { wd: 1, action: "assign", unit: "CCTDC" },
      {
        wd: 3,
        action: "draft",
        answer:
          "Phần mềm một cửa đã được sửa để không hẹn ngày trả kết quả vào ngày nghỉ. Kết quả của ông/bà được trả đúng ngày làm việc kế tiếp.",
      },
      { wd: 4, action: "approve", approver: GD },
    ],
  },
  {
    daysAgo: 3,
    kind: "phan_anh",
    procedure: "KHCN-15",
    title: "Kiểm tra chất lượng hàng nhập khẩu kéo dài",
    content:
      "Lô hàng thép nhập khẩu của công ty chờ kết quả kiểm tra nhà nước về chất lượng đã lâu, gây phát sinh chi phí lưu kho.",
    contact: {
      name: "Hồ Văn Thử Tám",
      address: addr(14),
      phone: "0900 000 014",
      organisation: "Công ty TNHH Thép Mẫu (dữ liệu mẫu)",
    },
    steps: [],
  },
  {
    daysAgo: 1,
    kind: "kien_nghi",
    procedure: "KHCN-20",
    title: "Hỗ trợ phí đăng ký sáng chế cho cá nhân",
    content: "Đề nghị mở rộng chương trình hỗ trợ phí đăng ký sở hữu công nghiệp cho cá nhân, không chỉ doanh nghiệp.",
    contact: { name: "Mai Thị Mẫu Chín", address: addr(15), phone: "0900 000 015" },
    steps: [],
  },
];
