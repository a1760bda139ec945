// The message catalogs, one per language (messages/<locale>.json). English is the reference: its keys are
// the type of every catalog (next-intl's AppConfig, types/next-intl.d.ts).
import de from "@/messages/de.json";
import en from "@/messages/en.json";
import es from "@/messages/es.json";
import fr from "@/messages/fr.json";
import it from "@/messages/it.json";
import ja from "@/messages/ja.json";
import zhCN from "@/messages/zh-CN.json";
import type { Locale } from "./locales";

export type Messages = typeof en;

export const MESSAGES: Record<Locale, Messages> = { en, "zh-CN": zhCN, de, fr, es, it, ja };
