"use client";

import { Trash2 } from "lucide-react";
import { useActionState } from "react";
import { createDestinationAction } from "@/lib/actions/app-client/create-destination";
import { deleteDestinationAction } from "@/lib/actions/app-client/delete-destination";
import { FormError } from "@/components/connect/form-error";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

export interface DestinationRow {
  destinationId: string;
  name: string;
  resource: string;
}

function DeleteDestination({ destinationId }: { destinationId: string }) {
  const [result, action, pending] = useActionState(deleteDestinationAction, null);
  return (
    <form action={action} className="flex items-center justify-end gap-2">
      <input type="hidden" name="destinationId" value={destinationId} />
      <Button type="submit" size="sm" variant="ghost" disabled={pending} aria-label="Delete destination">
        <Trash2 aria-hidden /> {pending ? "Deleting…" : "Delete"}
      </Button>
      {result && !result.ok && <span className="text-sm text-destructive">{result.error.message}</span>}
    </form>
  );
}

export function DestinationsPanel({ destinations, loadError, suggestedArn }: { destinations: DestinationRow[]; loadError: string | null; suggestedArn: string | null }) {
  const [result, action, pending] = useActionState(createDestinationAction, null);
  return (
    <div className="space-y-4">
      {loadError ? (
        <p className="text-sm text-destructive">{loadError}</p>
      ) : destinations.length === 0 ? (
        <p className="text-sm text-muted-foreground">No destinations registered with Amazon yet.</p>
      ) : (
        <Table containerClassName="rounded-lg">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead>Queue ARN</TableHead>
                <TableHead />
              </TableRow>
            </TableHeader>
            <TableBody>
              {destinations.map((destination) => (
                <TableRow key={destination.destinationId}>
                  <TableCell>{destination.name}</TableCell>
                  <TableCell className="font-mono text-xs">{destination.resource}</TableCell>
                  <TableCell>
                    <DeleteDestination destinationId={destination.destinationId} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
      )}
      <form action={action} className="grid gap-4 sm:grid-cols-[1fr_2fr_auto] sm:items-end">
        <div className="space-y-2">
          <Label htmlFor="destinationName">Name</Label>
          <Input id="destinationName" name="name" required defaultValue="latchkey-notifications" />
        </div>
        <div className="space-y-2">
          <Label htmlFor="destinationArn">SQS queue ARN</Label>
          <Input id="destinationArn" name="arn" required placeholder="arn:aws:sqs:us-east-1:123456789012:spapi-notifications" defaultValue={suggestedArn ?? ""} />
        </div>
        <Button type="submit" variant="outline" disabled={pending}>
          {pending ? "Creating…" : "Create destination"}
        </Button>
        <div className="sm:col-span-3">
          {result?.ok && <p className="text-sm text-success">Destination {result.data.name} created.</p>}
          <FormError result={result} />
        </div>
      </form>
    </div>
  );
}
