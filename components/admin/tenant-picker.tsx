"use client";

import { Check, ChevronsUpDown, Search, X } from "lucide-react";
import { Popover } from "radix-ui";
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Button } from "@/components/ui/button";
import type { TenantChoice } from "@/lib/tenants/list-tenants";
import { cn } from "@/lib/utils/cn";
import { countOf } from "@/lib/utils/plural";
import { useTenantChoices } from "./use-tenant-choices";

/** Waits this long after the last keystroke before asking the server. */
const SEARCH_DELAY_MS = 200;

function useDebounced(value: string, delayMs: number): string {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}

/**
 * A searchable multi-select of tenants that scales to thousands: the list comes from the server's search
 * (a short page per query), the choices are kept here and sent as `name` hidden inputs. Keyboard: the
 * trigger opens it; in the search box ↑/↓ move, Enter picks or drops a tenant, Escape closes. Each chosen
 * tenant is a chip with its own "Remove" button.
 */
export function TenantPicker({ name, labelId, describedBy, initial = [] }: { name: string; labelId: string; describedBy?: string; initial?: TenantChoice[] }) {
  const [open, setOpen] = useState(false);
  const [selected, setSelected] = useState<TenantChoice[]>(initial);
  const [text, setText] = useState("");
  const [activeIndex, setActive] = useState(0);
  const query = useDebounced(text, SEARCH_DELAY_MS);
  const { tenants, limit, loading, error } = useTenantChoices(query, open);
  const listId = useId();
  const valueId = `${listId}-value`;
  const optionId = (index: number) => `${listId}-option-${index}`;
  const input = useRef<HTMLInputElement>(null);
  const chosen = new Set(selected.map((t) => t.id));
  // A new answer may be shorter than the last one: the active option stays inside the list.
  const active = Math.max(0, Math.min(activeIndex, tenants.length - 1));

  function toggle(tenant: TenantChoice) {
    setSelected((current) => (current.some((t) => t.id === tenant.id) ? current.filter((t) => t.id !== tenant.id) : [...current, tenant]));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (tenants.length === 0) return;
      setActive((index) => (index + (event.key === "ArrowDown" ? 1 : tenants.length - 1)) % tenants.length);
    } else if (event.key === "Enter") {
      // Enter picks a tenant; it must not submit the surrounding form.
      event.preventDefault();
      const tenant = tenants[active];
      if (tenant) toggle(tenant);
    } else if (event.key === "Home" || event.key === "End") {
      if (tenants.length === 0) return;
      event.preventDefault();
      setActive(event.key === "Home" ? 0 : tenants.length - 1);
    }
  }

  const status = error
    ? `Search failed: ${error}.`
    : loading && tenants.length === 0
      ? "Searching…"
      : tenants.length === 0
        ? query.trim()
          ? `No tenant matches “${query.trim()}”.`
          : "No tenants yet."
        : tenants.length >= limit
          ? `First ${countOf(tenants.length, "tenant")} shown: type more of a name, email or selling partner ID to narrow.`
          : `${countOf(tenants.length, "tenant")} found.`;

  return (
    <div className="space-y-2">
      {selected.map((tenant) => (
        <input key={tenant.id} type="hidden" name={name} value={tenant.id} />
      ))}
      <Popover.Root open={open} onOpenChange={setOpen}>
        <Popover.Trigger asChild>
          <Button type="button" variant="outline" className="w-full justify-between font-normal sm:w-80" aria-labelledby={`${labelId} ${valueId}`} aria-describedby={describedBy} data-testid="tenant-picker-trigger">
            <span id={valueId} className={cn(selected.length === 0 && "text-muted-foreground")}>{selected.length === 0 ? "Every tenant" : countOf(selected.length, "tenant") + " chosen"}</span>
            <ChevronsUpDown aria-hidden className="opacity-60" />
          </Button>
        </Popover.Trigger>
        <Popover.Portal>
          <Popover.Content
            align="start"
            sideOffset={4}
            aria-label="Choose tenants"
            className="z-50 w-[min(24rem,calc(100vw-2rem))] rounded-lg border bg-card p-2 text-card-foreground shadow-md"
            onOpenAutoFocus={(event) => {
              event.preventDefault();
              input.current?.focus();
            }}
          >
            <div className="flex items-center gap-2 rounded-md border border-input px-2 focus-within:ring-2 focus-within:ring-ring">
              <Search aria-hidden className="size-4 shrink-0 text-muted-foreground" />
              <input
                ref={input}
                role="combobox"
                aria-label="Search tenants by name, contact email or selling partner ID"
                aria-expanded="true"
                aria-controls={listId}
                aria-autocomplete="list"
                aria-activedescendant={tenants[active] ? optionId(active) : undefined}
                value={text}
                onChange={(event) => {
                  setText(event.target.value);
                  setActive(0);
                }}
                onKeyDown={onKeyDown}
                placeholder="Search tenants…"
                autoComplete="off"
                className="h-9 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
              />
            </div>
            <ul id={listId} role="listbox" aria-multiselectable="true" aria-label="Tenants" className="mt-2 max-h-64 overflow-y-auto" data-testid="tenant-picker-options">
              {tenants.map((tenant, index) => {
                const isChosen = chosen.has(tenant.id);
                return (
                  <li
                    key={tenant.id}
                    id={optionId(index)}
                    role="option"
                    aria-selected={isChosen}
                    // Keeps focus in the search box, so the keyboard and the pointer share one active option.
                    onMouseDown={(event) => event.preventDefault()}
                    onClick={() => toggle(tenant)}
                    onMouseMove={() => setActive(index)}
                    className={cn("flex cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-sm", index === active && "bg-accent text-accent-foreground")}
                  >
                    <Check aria-hidden className={cn("size-4 shrink-0", isChosen ? "opacity-100" : "opacity-0")} />
                    <span className="min-w-0 flex-1 truncate">{tenant.name}</span>
                    <span className="text-xs text-muted-foreground">{tenant.kind === "SELLER" ? "Seller" : "Vendor"}</span>
                  </li>
                );
              })}
            </ul>
            <p role="status" className="px-2 pt-2 text-xs text-muted-foreground">
              {status}
            </p>
          </Popover.Content>
        </Popover.Portal>
      </Popover.Root>
      {selected.length > 0 && (
        <ul aria-label="Chosen tenants" className="flex flex-wrap gap-2">
          {selected.map((tenant) => (
            <li key={tenant.id} className="inline-flex items-center gap-1 rounded-full border bg-secondary py-0.5 pl-3 pr-1 text-sm text-secondary-foreground">
              {tenant.name}
              <button
                type="button"
                onClick={() => toggle(tenant)}
                aria-label={`Remove ${tenant.name}`}
                className="rounded-full p-0.5 hover:bg-background focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
              >
                <X aria-hidden className="size-3.5" />
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
