import type vi from "../vi/staff";

const staff: typeof vi = {
  staffNav: {
    label: "Staff area navigation",
    dashboard: "Overview",
    reports: "Reports",
    comments: "Written comments",
    users: "Accounts",
    audit: "Audit log",
    password: "Change password",
  },
};

export default staff;
