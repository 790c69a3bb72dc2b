// The staff area: sign-in, navigation, users, audit log.
const staff = {
  staffNav: {
    label: "Điều hướng khu vực cán bộ",
    dashboard: "Tổng quan",
    reports: "Báo cáo",
    comments: "Ý kiến bằng lời",
    users: "Tài khoản",
    audit: "Nhật ký thao tác",
    password: "Đổi mật khẩu",
  },
};

export default staff;
