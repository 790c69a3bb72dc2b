// The account fields shared by "new account" and "edit account": name, role, unit.
import { useTranslation } from "react-i18next";
import { Radios, SelectField, TextField } from "~/kernel/forms/fields";
import type { FieldErrors } from "~/kernel/forms/parse";
import { ALL_ROLES_LIST } from "~/features/accounts/roles";

export interface UnitOption {
  id: number;
  label: string;
  active: boolean;
}

export function AccountFields({
  values,
  errors,
  units,
}: {
  values: { name?: string | null; role?: string | null; unitId?: string | number | null };
  errors: FieldErrors;
  units: UnitOption[];
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        name="name"
        label={t("staff.users.name")}
        autoComplete="off"
        defaultValue={values.name}
        error={errors.name}
      />
      <Radios
        name="role"
        label={t("staff.users.role")}
        hint={t("staff.users.roleHint")}
        defaultValue={values.role ?? ""}
        error={errors.role}
        options={ALL_ROLES_LIST.map((r) => ({
          value: r,
          label: t(`staff.roles.${r}`),
          hint: t(`staff.roleSummary.${r}`),
        }))}
      />
      <SelectField
        name="unitId"
        label={t("staff.users.unit")}
        hint={t("staff.users.unitHint")}
        defaultValue={values.unitId ?? ""}
        error={errors.unitId}
        options={[
          { value: "", label: t("staff.users.noUnit") },
          ...units.map((u) => ({
            value: String(u.id),
            label: u.active ? u.label : `${u.label} (${t("staff.form.inactive")})`,
          })),
        ]}
      />
    </>
  );
}
