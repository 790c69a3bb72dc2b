// The admin's agency list (issue 19): the province and its agencies (cơ quan).
const agencies = {
  agencies: {
    nav: "Cơ quan",
    title: "Cơ quan",
    heading: "Các cơ quan trong tỉnh",
    intro: "Mỗi cơ quan có mã riêng dùng trong địa chỉ trang và mã QR; mã không đổi được sau khi tạo.",
    new: "Thêm cơ quan",
    newTitle: "Thêm cơ quan",
    editTitle: "Cơ quan {{code}}",
    code: "Mã",
    codeHint:
      "Chữ thường không dấu, chữ số và dấu gạch ngang, từ 2 đến 40 ký tự, ví dụ so-y-te. Không đổi được sau khi lưu.",
    codeFixedNote: "Mã đã in trên áp phích QR nên không đổi được.",
    name: "Tên",
    parent: "Trực thuộc",
    parentHint: "Cơ quan cấp trên trong tỉnh.",
    rootParent: "Cấp tỉnh (không trực thuộc cơ quan nào)",
    target: "Chỉ tiêu hài lòng (%)",
    targetHint: "Từ 50 đến 100, tối đa một chữ số thập phân, ví dụ 92,5.",
    units: "Đơn vị",
    staff: "Cán bộ",
    province: "Cấp tỉnh",
    backToList: "Về danh sách cơ quan",
    errors: {
      notFound: "Không tìm thấy cơ quan này.",
      codeRequired: "Vui lòng nhập mã cơ quan.",
      codeLength: "Mã phải có từ 2 đến 40 ký tự.",
      codeFormat:
        "Mã chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang đơn (không ở đầu hoặc cuối), ví dụ so-y-te.",
      codeReserved: "Mã này trùng với một địa chỉ của cổng thông tin, hãy chọn mã khác.",
      codeTaken: "Mã này đã có cơ quan khác dùng.",
      codeFixed: "Không đổi được mã của cơ quan đã có.",
      targetRequired: "Vui lòng nhập chỉ tiêu hài lòng.",
      targetFormat: "Nhập chỉ tiêu là một số, tối đa một chữ số thập phân, ví dụ 90 hoặc 92,5.",
      targetRange: "Chỉ tiêu phải từ 50 đến 100 phần trăm.",
      parentRequired: "Vui lòng chọn cơ quan cấp trên.",
      parentMissing: "Cơ quan cấp trên đã chọn không tồn tại.",
      parentCycle: "Không thể đặt cơ quan trực thuộc chính nó hoặc một cơ quan cấp dưới của nó.",
      rootHasNoParent: "Cấp tỉnh là gốc của cây cơ quan, không trực thuộc cơ quan nào.",
    },
  },
};

export default agencies;
