export { createWhatsAppCloudAdapter, type WhatsAppCloudAdapter } from "./adapter.js";
export { CloudTokenRefusedError } from "./graph.js";
export { defaultTemplateSettings, templateTexts, type TemplateSettings } from "./templates.js";
