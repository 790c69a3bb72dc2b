// How deep a run goes (issue 17: `npm test` stays a quick loop on a 2-core machine, CI runs
// everything). CI (.ci/run exports CI=true and FUZZ_RUNS=2000) runs every test at full size; the
// default run uses a smaller case where a file says so, and each such place names what CI adds.
export const FULL_RUN = process.env.CI === "true" || Number(process.env.FUZZ_RUNS ?? 0) >= 2000;
