// The languages the page offers. English ships with each component (its
// <name>.strings.js); the others are in www/translations/<code>.json, merged by the build
// into data/translations.txt and loaded after the directory and gazetteer (see
// components/network), always and in full, so first results do not wait for them and
// choosing a language makes no request. Translations other than English are drafts: they
// must be checked by native speakers working in domestic abuse services before the page
// is used with survivors (see README).
export default [
  { code: "en", name: "English" },
  { code: "cy", name: "Cymraeg" },
  { code: "pl", name: "Polski" },
  { code: "ur", name: "اردو", rtl: true },
  { code: "pa", name: "ਪੰਜਾਬੀ" },
  { code: "bn", name: "বাংলা" },
  { code: "ar", name: "العربية", rtl: true },
  { code: "fa", name: "فارسی", rtl: true },
  { code: "sq", name: "Shqip" },
  { code: "ro", name: "Română" },
];
