// Parts the two figure registers share (served counts on /staff/coverage, late dossiers on
// /staff/late-dossiers): the same page top, the same unit and procedure choice over the places the
// user may record for, and the same date inputs. Each page passes its own words.
import { Link } from "@remix-run/react";
import { SelectField, TextField, type Choice, type ChoiceGroup, type FieldProps } from "~/kernel/forms/fields";

/** The page's heading and intro, the count just saved (null: none), and the way to the CSV import. */
export function RegisterHead(props: {
  title: string;
  intro: string;
  saved: string | null;
  importTo: string;
  importLabel: string;
}) {
  return (
    <>
      <h1>{props.title}</h1>
      <p>{props.intro}</p>
      {props.saved !== null ? (
        <p className="notice notice--ok" role="status">
          {props.saved}
        </p>
      ) : null}
      <p>
        <Link to={props.importTo}>{props.importLabel}</Link>
      </p>
    </>
  );
}

/** The unit (preselected when the user may record for one only) and, under it, one of its
 * procedures or none. */
export function UnitProcedureFields({
  places,
  values,
  errors,
  labels,
}: {
  places: { units: Choice[]; procedureGroups: ChoiceGroup[] };
  values: Record<string, string>;
  errors: Record<string, string>;
  labels: { unit: string; chooseUnit: string; procedure: string; noProcedure: string };
}) {
  return (
    <>
      <SelectField
        name="unit"
        label={labels.unit}
        defaultValue={values.unit ?? (places.units.length === 1 ? places.units[0].value : "")}
        error={errors.unit}
        options={[{ value: "", label: labels.chooseUnit }, ...places.units]}
      />
      <SelectField
        name="procedure"
        label={labels.procedure}
        defaultValue={values.procedure}
        error={errors.procedure}
        options={[{ value: "", label: labels.noProcedure }]}
        groups={places.procedureGroups}
      />
    </>
  );
}

/** A date field of these entry forms (no autocomplete, like their other fields). */
export function DateField(props: FieldProps) {
  return <TextField autoComplete="off" type="date" {...props} />;
}
