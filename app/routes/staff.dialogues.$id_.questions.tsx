// Staff: the question queue of one session — moderation, merging duplicates, hiding with a
// reason, responsible unit and deadline, and the answer. Sorted by votes, topic or date.
import {
  json,
  redirect,
  type ActionFunctionArgs,
  type LinksFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from "@remix-run/node";
import { Form, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary, Radios, SelectField, TextArea, TextField } from "~/kernel/forms/fields";
import { defaultDueDate, QuestionCard } from "~/features/dialogue/components/moderation";
import { StaffTabs } from "~/features/dialogue/components/staff-tabs";
import { recordAudit } from "~/kernel/audit.server";
import { agencyUnits } from "~/features/dialogue/dialogue-choices.server";
import { deliverNotices } from "~/features/dialogue/dialogue-notify.server";
import { listStaffQuestions, type StaffQuestionFilter } from "~/features/dialogue/dialogue-question-queue.server";
import { getSession } from "~/features/dialogue/dialogue-session.server";
import { sessionTitle } from "~/features/dialogue/dialogue-view";
import { type RouteAccess } from "~/features/accounts/auth.server";
import { requireStaff } from "~/kernel/http/require-staff.server";
import { runQuestionAction } from "~/features/dialogue/dialogue-question-actions.server";
import { getT } from "~/kernel/http/i18n.server";
import css from "~/styles/dialogue.css";
import { publicOrigin } from "~/kernel/http/public-url.server";
import { clientOf, readFormFields } from "~/kernel/http/request.server";

export const access: RouteAccess = {
  loader: ["admin", "office", "unit", "viewer"],
  action: ["admin", "office", "unit"],
};
export const links: LinksFunction = () => [{ rel: "stylesheet", href: css }];

const STATUSES = ["all", "pending", "approved", "hidden", "merged"] as const;
const SORTS = ["votes", "topic", "date"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireStaff(request, access.loader!);
  const { t, lng } = getT(request);
  // The account's agency's session only: another agency's id is 404 (docs/rules/agencies.md).
  const s = await getSession(user.agencyId, Number(params.id));
  if (!s) throw new Response("Not found", { status: 404 });
  const url = new URL(request.url);
  const manage = user.role === "admin" || user.role === "office";
  const status = STATUSES.find((x) => x === url.searchParams.get("status")) ?? (manage ? "pending" : "all");
  const sort = SORTS.find((x) => x === url.searchParams.get("sort")) ?? "votes";
  const topic = s.topics.find((x) => x === url.searchParams.get("topic")) ?? null;
  const filter: StaffQuestionFilter = { status, sort, topic };
  const [questions, all, units] = await Promise.all([
    listStaffQuestions(s.id, user, filter, lng),
    manage ? listStaffQuestions(s.id, user, { status: "all" }, lng) : Promise.resolve([]),
    manage ? agencyUnits(user.agencyId, lng) : Promise.resolve([]),
  ]);
  const named = questions.filter((q) => q.asker_name);
  if (named.length) {
    await recordAudit(clientOf(request), {
      agencyId: user.agencyId,
      actor: { id: user.id, email: user.email },
      action: "pii.view",
      entity: "dialogue_session",
      entityId: s.id,
      details: { questions: named.map((q) => q.id) },
    });
  }
  return json({
    title: t("dialogue.staff.questions.title"),
    sessionTitle: sessionTitle(s, lng),
    session: { id: s.id, topics: s.topics, startsAt: s.starts_at.toISOString() },
    role: user.role,
    unitId: user.unitId,
    manage,
    filter: { status, sort, topic },
    questions: questions.map((q) => ({ ...q, created_at: q.created_at.toISOString() })),
    counts: Object.fromEntries(
      STATUSES.map((st) => [st, st === "all" ? all.length : all.filter((q) => q.status === st).length]),
    ),
    mergeTargets: all
      .filter((q) => q.status === "pending" || q.status === "approved")
      .map((q) => ({ id: q.id, text: q.public_text ?? q.text })),
    units: units.map((u) => ({ id: u.id, name: u.name })),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data?.title ?? "Hài Lòng" }];

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireStaff(request, access.action!);
  const s = await getSession(user.agencyId, Number(params.id));
  if (!s) throw new Response("Not found", { status: 404 });
  const fields = await readFormFields(request);
  const out = await runQuestionAction({ user, client: clientOf(request), baseUrl: publicOrigin(request) }, s, {
    intent: fields.intent ?? "",
    fields,
  });
  if (out.forbidden) throw new Response("Forbidden", { status: 403 });
  if (out.noticeIds?.length) await deliverNotices(out.noticeIds);
  if (out.ok)
    return redirect(
      `${new URL(request.url).pathname}${new URL(request.url).search}${out.anchor ? `#${out.anchor}` : ""}`,
      { status: 303 },
    );
  return json({ form: out.form, errors: out.errors ?? {}, values: out.values ?? {} }, 400);
}

export default function StaffQuestions() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { t } = useTranslation();
  const addErrors = a?.form === "add" ? a.errors : undefined;
  const addValues = a?.form === "add" ? a.values : undefined;
  return (
    <div className="page">
      <StaffTabs sessionId={d.session.id} role={d.role} title={d.sessionTitle} />
      <h1>{t("dialogue.staff.questions.heading")}</h1>
      {a?.errors?._form && a.form !== "add" ? <ErrorSummary errors={{ _form: a.errors._form }} /> : null}
      {d.manage ? (
        <p>{t("dialogue.staff.questions.counts", d.counts as Record<string, number>)}</p>
      ) : d.role === "unit" ? (
        <p>{t("dialogue.staff.questions.unitScope")}</p>
      ) : null}
      <Form method="get" className="button-row">
        <SelectField
          name="status"
          label={t("dialogue.staff.questions.filterStatus")}
          defaultValue={d.filter.status}
          options={STATUSES.map((st) => ({ value: st, label: t(`dialogue.questionStatus.${st}`) }))}
        />
        <SelectField
          name="sort"
          label={t("dialogue.staff.questions.sort")}
          defaultValue={d.filter.sort}
          options={SORTS.map((st) => ({ value: st, label: t(`dialogue.staff.questions.sortBy.${st}`) }))}
        />
        {d.session.topics.length ? (
          <SelectField
            name="topic"
            label={t("dialogue.signup.topic")}
            defaultValue={d.filter.topic ?? ""}
            options={[
              { value: "", label: t("dialogue.staff.questions.allTopics") },
              ...d.session.topics.map((x) => ({ value: x, label: x })),
            ]}
          />
        ) : null}
        <button type="submit" className="button button--secondary">
          {t("dialogue.staff.questions.filter")}
        </button>
      </Form>
      {d.manage ? (
        <details open={a?.form === "add"}>
          <summary>{t("dialogue.staff.questions.add")}</summary>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="add" />
            <ErrorSummary errors={addErrors} />
            <Radios
              name="channel"
              label={t("dialogue.staff.onBehalf.channel")}
              options={["phone", "desk", "paper", "at_dialogue"].map((c) => ({
                value: c,
                label: t(`dialogue.channel.${c}`),
              }))}
              errors={addErrors}
              values={addValues}
            />
            <TextArea
              name="text"
              label={t("dialogue.signup.question")}
              hint={t("dialogue.staff.questions.addHint")}
              errors={addErrors}
              values={addValues}
            />
            {d.session.topics.length ? (
              <SelectField
                name="topic"
                label={t("dialogue.signup.topic")}
                options={[
                  { value: "", label: t("dialogue.signup.topicNone") },
                  ...d.session.topics.map((x) => ({ value: x, label: x })),
                ]}
                errors={addErrors}
                values={addValues}
              />
            ) : null}
            <TextField
              name="code"
              label={t("dialogue.staff.questions.addCode")}
              hint={t("dialogue.staff.questions.addCodeHint")}
              errors={addErrors}
              values={addValues}
            />
            <button type="submit" className="button">
              {t("dialogue.staff.questions.addSubmit")}
            </button>
          </Form>
        </details>
      ) : null}
      {d.questions.length ? (
        <ul className="question-list">
          {d.questions.map((q) => (
            <QuestionCard
              key={q.id}
              q={q}
              manage={d.manage}
              canAnswer={d.manage || (d.role === "unit" && q.unit_id === d.unitId)}
              topics={d.session.topics}
              units={d.units}
              mergeTargets={d.mergeTargets}
              defaultDue={defaultDueDate(d.session.startsAt)}
              form={a?.form ?? null}
              errors={a?.errors}
              values={a?.values}
            />
          ))}
        </ul>
      ) : (
        <p>{t("dialogue.staff.questions.none")}</p>
      )}
      {params.get("status") === null && d.manage ? (
        <p className="muted">{t("dialogue.staff.questions.defaultFilter")}</p>
      ) : null}
    </div>
  );
}

export { GeneralErrorBoundary as ErrorBoundary } from "~/kernel/ui/error-boundary";
