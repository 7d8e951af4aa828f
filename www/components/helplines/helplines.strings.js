// The English wording of helplines; other languages in www/translations/<code>.json.
export default {
  helplines: "Help now",
  easy_helplines: "Phone for help now",
  emergency: "In an emergency call 999.",
  easy_emergency: "In danger? Call 999.",
  silent: "If you cannot speak, press 55 when asked.",
  easy_silent: "Cannot talk? Press 55.",
  call_999: "Call 999",
  ndah: "National Domestic Abuse Helpline, free, 24 hours",
  nation_england: "England",
  nation_wales: "Wales",
  nation_scotland: "Scotland",
  nation_northern_ireland: "Northern Ireland",
};
