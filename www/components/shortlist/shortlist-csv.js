// The shortlist as CSV (RFC 4180: comma-separated, fields quoted when they hold a comma,
// quote or line break, quotes doubled, lines ending CRLF), made on the device. One row
// per service; each criterion any shortlisted search brought is a column.

import { criterionLabel, answerLabel } from "../criteria-row/criteria-row.js";

/** One field, quoted when it must be. A field a spreadsheet would run as a formula
 * (starting "=" or "@") is prefixed with an apostrophe, as spreadsheet makers advise. */
export function csvField(value) {
  let text = value === null || value === undefined ? "" : String(value);
  if (/^[=@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows (arrays of values) as CSV text. */
export function csvText(rows) {
  return rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** The header and one row per shortlisted result (`hits`: results as the engine gives
 * them), worded by `wording`. */
export function shortlistRows(hits, wording) {
  const { t } = wording;
  const criteria = [...new Set(hits.flatMap((h) => Object.keys(h.criteria ?? {})))];
  const header = [
    t("csv_name"), t("csv_kind"), t("csv_area"), t("csv_distance"), t("csv_confidential"), t("csv_phone"),
    t("csv_web"), t("csv_email"), t("csv_referral"), t("csv_vacancy"), t("csv_units"), t("csv_vacancy_updated"),
    ...criteria.map((c) => criterionLabel(c, wording)),
    t("csv_fails"), t("csv_source"), t("csv_source_date"), t("csv_verified_on"), t("csv_id"),
  ];
  const rows = hits.map((h) => [
    h.name,
    t(`kind_${h.kind}`),
    h.area_name ?? "",
    t(h.distance_band),
    h.confidential ? t("csv_yes") : t("csv_no"),
    (h.phones ?? []).map((p) => p.number).join("; "),
    h.web ?? "",
    h.email ?? "",
    (h.referral ?? []).map((r) => t(`csv_referral_${r}`)).join("; "),
    h.vacancy ? t(`csv_vacancy_${h.vacancy.status}`) : "",
    h.vacancy?.units_free ?? "",
    h.vacancy?.updated_at ?? "",
    ...criteria.map((c) => (h.criteria?.[c] ? answerLabel(h.criteria[c], wording) : "")),
    (h.fails ?? []).map((f) => criterionLabel(f, wording)).join("; "),
    h.source,
    h.source_date ?? "",
    h.verified_on,
    h.id,
  ]);
  return [header, ...rows];
}
