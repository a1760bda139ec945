import { LogOut } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { signOutAction } from "@/lib/actions/auth/sign-out";

/** A form posting to Auth.js' sign-out; usable from server and client components alike. */
export function SignOutButton({ variant = "outline", size = "sm", className, label = "Sign out" }: Pick<ButtonProps, "variant" | "size" | "className"> & { label?: string }) {
  return (
    <form action={signOutAction}>
      <Button type="submit" variant={variant} size={size} className={className}>
        <LogOut aria-hidden />
        {label}
      </Button>
    </form>
  );
}
