// The English wording of contact-links; other languages in www/translations/<code>.json.
export default {
  call: "Call",
  text: "Text",
  chat: "Chat online",
  video: "Video call in BSL",
  email: "Email",
  website: "Website",
  open_24h: "24 hours",
  free_call: "free",
};
