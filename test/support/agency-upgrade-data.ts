// A small single-agency data set written into the schema of migration 020 (before agencies), with
// a row in every table and the links between them, for test/integration/agency-upgrade.test.ts.
// Plain SQL on purpose: the app's queries speak today's schema, not 020's.

const R1 = "'00000000-0000-4000-8000-000000000001'";
const R2 = "'00000000-0000-4000-8000-000000000002'";
const SOON = "now() + interval '1 day'";

export const DATA_AT_020: string[] = [
  // The Office named its agency in the settings: agency 1 takes this name and symbol.
  `insert into setting (key, value) values ('report.agency', '"Sở Tư pháp tỉnh Tiền Giang"'), ('report.symbol', '"STP"')`,
  `update setting set value = '0.925' where key = 'satisfaction.target'`,
  `insert into unit (id, code, name_vi, name_en, kind) values (1, 'BGD', 'Ban Giám đốc', 'Board', 'board')`,
  `insert into unit (id, code, name_vi, name_en, kind, parent_id) values (2, 'VP', 'Văn phòng', 'Office', 'office', 1)`,
  `insert into procedure (id, code, name_vi, name_en, field_vi, field_en, unit_id)
     values (1, 'P1', 'Thủ tục 1', 'Procedure 1', 'Lĩnh vực', 'Field', 2)`,
  `insert into staff_user (id, email, name, password_hash, role, unit_id)
     values (1, 'admin@x.vn', 'Quản trị', 'h', 'admin', null), (2, 'unit@x.vn', 'Cán bộ', 'h', 'unit', 2)`,
  `insert into staff_session (id, user_id, expires_at) values ('s1', 2, ${SOON})`,
  `insert into login_throttle (key, failures) values ('ip:x', 1)`,
  `insert into rate_limit (key, window_start, count, expires_at) values ('src:x', now(), 1, ${SOON})`,
  `insert into app_secret (name, value) values ('agency-upgrade-test', 'v') on conflict do nothing`,
  `insert into attempt_limit (key, count, run_start, last_at, next_at, free_n, base_ms, cap_ms, quiet_ms, expires_at)
     values ('acct:x', 1, now(), now(), now(), 3, 1000, 60000, 600000, ${SOON})`,
  `insert into audit_log (actor_id, actor_email, action) values (1, 'admin@x.vn', 'test.seed')`,
  `insert into consent_record (purpose, subject_kind, subject_id, notice_version, lang)
     values ('feedback', 'feedback', '1', 'v1', 'vi')`,
  `insert into survey (id, slug, kind, title_vi, title_en, created_by) values (1, 'danh-gia', 'A', 'Đánh giá', 'Evaluation', 1)`,
  `insert into survey_version (id, survey_id, version) values (1, 1, 1)`,
  `insert into survey_item (id, version_id, position, code, block, type, text_vi, text_en)
     values (1, 1, 1, 'q1', 'b', 'L5', 'Câu 1', 'Q1'), (2, 1, 2, 'q2', 'b', 'text', 'Câu 2', 'Q2')`,
  `insert into flag_acceptance (id, survey_id, day, reasons, responses, accepted_by) values (1, 1, '2026-12-01', 'burst', 1, 1)`,
  `insert into response (id, survey_id, survey_version_id, unit_id, procedure_id, channel, lang, dossier_hash, flagged, accepted_in)
     values (${R1}, 1, 1, 2, 1, 'qr', 'vi', 'h1', false, null), (${R2}, 1, 1, 2, null, 'paper', 'en', null, true, 1)`,
  `insert into answer (response_id, item_id, value, text) values (${R1}, 1, 4, null), (${R1}, 2, null, 'tốt'), (${R2}, 1, 2, null)`,
  `insert into served_count (unit_id, procedure_id, period_start, period_end, count, entered_by)
     values (2, 1, '2026-11-01', '2026-11-30', 10, 1)`,
  `insert into rollup_pending (response_id) values (${R1}), (${R2})`,
  `insert into response_source (source, window_start, response_id) values ('src', '2026-12-01T00:00:00Z', ${R2})`,
  `insert into response_rollup (day, survey_version_id, unit_id, procedure_id, channel, flagged, responses)
     values ('2026-12-01', 1, 2, 1, 'qr', false, 1)`,
  `insert into answer_rollup (day, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, c4)
     values ('2026-12-01', 1, 2, 1, 'qr', false, 1, 1)`,
  `insert into answer_rollup_half (bucket, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, c4)
     values ('2026-12-01', 1, 2, 1, 'qr', false, 1, 1)`,
  `insert into feedback_counter (day, last) values ('2026-12-01', 2)`,
  `insert into feedback (id, code, submission_id, kind, content, lang, base_date, refuse_due, info_due, transfer_due,
       answer_due, unit_id, procedure_id, assignee_id, repeat_of)
     values (1, 'PA-1', gen_random_uuid(), 'phan_anh', 'Chậm trả kết quả', 'vi', '2026-12-01', '2026-12-03',
       '2026-12-08', '2026-12-08', '2026-12-22', 2, 1, 2, null),
     (2, 'PA-2', gen_random_uuid(), 'phan_anh', 'Vẫn chậm', 'vi', '2026-12-01', '2026-12-03',
       '2026-12-08', '2026-12-08', '2026-12-22', 2, null, null, 1)`,
  `insert into feedback_contact (feedback_id, name, address, phone, phone_digits) values (1, 'Nguyễn Văn A', 'Mỹ Tho', '0901', '0901')`,
  `insert into feedback_attachment (feedback_id, filename, kind, mime, size, sha256, data)
     values (1, 'a.png', 'image', 'image/png', 3, 'x', '\\x010203')`,
  `insert into feedback_event (feedback_id, action, to_status, actor_id)
     values (1, 'received', 'received', null), (1, 'assigned', 'in_progress', 2), (2, 'received', 'received', null)`,
  `insert into dialogue_session (id, title_vi, starts_at, ends_at, chair, secretary, capacity, registration_opens_at,
       registration_closes_at, publish_at, venue, created_by)
     values (1, 'Đối thoại', '2026-12-20T02:00:00Z', '2026-12-20T04:00:00Z', 'Giám đốc', 'Thư ký', 50,
       '2026-12-01T00:00:00Z', '2026-12-18T00:00:00Z', '2026-12-01T00:00:00Z', 'Hội trường', 1)`,
  `insert into dialogue_session_procedure (session_id, procedure_id) values (1, 1)`,
  `insert into dialogue_registration (id, session_id, code, name, name_search, kind, status, channel, phone_norm)
     values (1, 1, 'ABC123', 'Trần B', 'tran b', 'citizen', 'confirmed', 'online', '0902')`,
  `insert into dialogue_registrant_session (token_hash, registration_id, expires_at) values ('t', 1, ${SOON})`,
  `insert into dialogue_question (id, session_id, text, channel, registration_id, procedure_id)
     values (1, 1, 'Khi nào có kết quả?', 'online', 1, 1)`,
  `insert into dialogue_answer (question_id, unit_id) values (1, 2)`,
  `insert into dialogue_vote (question_id, registration_id) values (1, 1)`,
  `insert into dialogue_checkin_attempt (session_id, method, ok, registration_id, staff_id) values (1, 'code', true, 1, 2)`,
  `insert into dialogue_notification (session_id, registration_id, kind, channel, status, subject, message)
     values (1, 1, 'details', 'email', 'queued', 'Thư', 'Nội dung')`,
  `insert into dialogue_minutes (session_id) values (1)`,
  `insert into dialogue_minutes_version (session_id, version, snapshot) values (1, 1, '{}')`,
  `insert into dialogue_followup (session_id, action, unit_id, due_date, question_id) values (1, 'Trả lời', 2, '2026-12-31', 1)`,
  `insert into citizen_otp (subject_kind, subject_id, purpose, code_hash, expires_at) values ('feedback', 1, 'withdraw', 'h', ${SOON})`,
  `insert into privacy_request (id, submission_id, kind, subject_kind, subject_id, subject_code, lang, due_at)
     values (1, 'sub1', 'access', 'feedback', 1, 'PA-1', 'vi', ${SOON})`,
  `insert into privacy_erasure (subject_kind, subject_id, reason, request_id) values ('feedback', 2, 'request', 1)`,
  `insert into report_period (id, year, kind, start_date, end_date) values (1, 2026, 'Q3', '2026-06-15', '2026-09-14')`,
  `insert into report_snapshot (id, period_id, start_date, end_date, read_through) values (1, 1, '2026-06-15', '2026-09-14', '2026-09-20')`,
  `insert into report_snapshot_count (snapshot_id, survey_version_id, unit_id, procedure_id, channel, flagged, item_id, c0, c1, c2, c3, c4, c5)
     values (1, 1, 2, 1, 'qr', false, 1, 0, 0, 0, 0, 1, 0)`,
  `insert into report_snapshot_response (snapshot_id, survey_version_id, unit_id, procedure_id, channel, flagged, responses)
     values (1, 1, 2, 1, 'qr', false, 1)`,
  `insert into tt01_staff_score (year, kind, indicator, score_tenths) values (2026, 'Q3', 2, 15)`,
  `insert into late_dossier (dossier_code, unit_id, procedure_id, promised_date, apology_sent) values ('HS-1', 2, 1, '2026-12-10', false)`,
];

/** Joins along the foreign keys, each counted: the upgrade must leave every one resolving. */
export const LINKS: Record<string, string> = {
  answers: `select count(*)::int as n from answer a join response r on r.id = a.response_id
    join survey s on s.id = r.survey_id join survey_version v on v.id = r.survey_version_id
    join survey_item i on i.id = a.item_id and i.version_id = v.id`,
  responses: `select count(*)::int as n from response r join unit u on u.id = r.unit_id
    left join procedure p on p.id = r.procedure_id left join flag_acceptance f on f.id = r.accepted_in
    where (r.procedure_id is null or p.id is not null) and (r.accepted_in is null or f.id is not null)`,
  units: `select count(*)::int as n from unit c join unit p on p.id = c.parent_id`,
  staff: `select count(*)::int as n from staff_user s join unit u on u.id = s.unit_id
    join staff_session x on x.user_id = s.id`,
  feedback: `select count(*)::int as n from feedback_event e join feedback f on f.id = e.feedback_id
    join unit u on u.id = f.unit_id`,
  repeats: `select count(*)::int as n from feedback f join feedback g on g.id = f.repeat_of`,
  contacts: `select count(*)::int as n from feedback_contact c join feedback f on f.id = c.feedback_id
    join feedback_attachment a on a.feedback_id = f.id`,
  dialogue: `select count(*)::int as n from dialogue_vote v join dialogue_question q on q.id = v.question_id
    join dialogue_registration r on r.id = v.registration_id join dialogue_session s on s.id = q.session_id
    join dialogue_answer a on a.question_id = q.id join dialogue_followup f on f.question_id = q.id`,
  sessionProcedures: `select count(*)::int as n from dialogue_session_procedure sp
    join dialogue_session s on s.id = sp.session_id join procedure p on p.id = sp.procedure_id`,
  snapshots: `select count(*)::int as n from report_snapshot_count c join report_snapshot s on s.id = c.snapshot_id
    join report_period p on p.id = s.period_id`,
  privacy: `select count(*)::int as n from privacy_erasure e join privacy_request r on r.id = e.request_id`,
  audit: `select count(*)::int as n from audit_log l join staff_user s on s.id = l.actor_id`,
};
