import type { z } from "@hono/zod-openapi";
import type { Context } from "hono";
import { shipmentEvents, shipments } from "../../d1/schema/logistics";
import type { CreateShipmentSchema } from "../../schemas/logistics";
import type { AppEnv } from "../app-env";
import { changeOrderStatus, type OrderRow, type OrderStanding, orderById, orderFor, presentOrders } from "../orders";
import { database, nowMs } from "../platform/db";
import { ApiError } from "../platform/errors";
import { keyClaimOf } from "../platform/idempotency";
import { newId, stableId } from "../platform/ids";
import { ProviderError } from "../platform/provider-http";
import { findShop, shopContactOf } from "../shops";
import { type CourierContext, courierFor, type Parcel, type Party, type Pickup } from "./couriers";
import { liveShipmentOf, RANK, type ShipmentRow, shipmentById } from "./queries";

type CreateShipment = z.infer<typeof CreateShipmentSchema>;

/** Orders are booked from these statuses: paid (prepaid) or processing (prepaid and packed, or cash on delivery). */
const BOOKABLE = ["paid", "processing"] as const;

export function courierContext(c: Context<AppEnv>, fetchFn?: typeof fetch): CourierContext {
  return { config: c.get("config"), secrets: c.env, ...(fetchFn ? { fetchFn } : {}) };
}

/** The shop's owner (or an admin) only; anyone else with standing on the order gets 403. */
export async function ownerStanding(c: Context<AppEnv>, orderId: string): Promise<OrderStanding> {
  const standing = await orderFor(c, orderId);
  if (standing.actor !== "seller" && standing.actor !== "admin") {
    throw new ApiError("forbidden", "Only the shop's owner books and manages the order's shipments.");
  }
  return standing;
}

/**
 * POST /orders/:id/shipments. The shipment id derives from the order and the Idempotency-Key, and
 * so does the courier's booking reference, so a retry after a crash books the same parcel (the
 * sandbox derives its tracking number from it, Ninja Van refuses a repeated requested tracking
 * number). The commit point is the shipment row (with its first tracking event, one batch); the
 * order's moves to processing and shipped follow it and are resumed by a retry.
 */
export async function bookShipment(
  c: Context<AppEnv>,
  orderId: string,
  input: CreateShipment,
  fetchFn?: typeof fetch,
): Promise<ShipmentRow> {
  const standing = await ownerStanding(c, orderId);
  const { order } = standing;
  const db = database(c.env);
  const key = keyClaimOf(c)?.key ?? newId("key");
  const shipmentId = await stableId("shp", order.createdAt, `shipment:${order.id}:${key}`);
  const earlier = await shipmentById(db, shipmentId);
  if (earlier) return resumeBooking(c.env, standing, earlier);

  const live = await liveShipmentOf(db, order.id);
  if (live) {
    throw new ApiError(
      "conflict",
      `This order is already booked with tracking number ${live.trackingNumber}. Cancel that shipment before booking another.`,
    );
  }
  if (!(BOOKABLE as readonly string[]).includes(order.status)) {
    throw new ApiError(
      "invalid_transition",
      `An order that is ${order.status} cannot be shipped. Book a courier once the order is paid (or accepted for cash on delivery).`,
    );
  }
  const courier = courierFor(courierContext(c, fetchFn), input.courier, order.shippingCountry);
  const service = courier.info.services.find((s) => s.code === input.service);
  if (!service) {
    const codes = courier.info.services.map((s) => s.code).join(", ");
    throw new ApiError(
      "validation_failed",
      `The courier ${input.courier} has no service ${input.service}. Choose one of: ${codes}.`,
      {
        errors: [{ path: "service", message: "Unknown service" }],
      },
    );
  }
  const cod = order.paymentStatus === "paid" ? undefined : { amount: order.total, currency: order.currency };
  if (cod && !service.codCountries.includes(order.shippingCountry)) {
    throw new ApiError(
      "cod_not_allowed",
      `This order is paid by cash on delivery, and the service ${input.service} of ${input.courier} does not collect cash in ${order.shippingCountry}. Choose a service that does.`,
    );
  }

  const [presented] = await presentOrders(c.env, db, [order]);
  const parcels: Parcel[] = input.packages ?? [
    { weightGrams: presented.items.reduce((g, i) => g + i.quantity, 0) * c.get("config").shipping.defaultWeightGrams },
  ];
  const to = addressParty(presented.shippingAddress, order.shippingCountry);
  const from = await shopParty(c.env, db, order);
  const { trackingNumber, label, pickup } = await callCourier(async () => {
    const booking = await courier.book({
      reference: shipmentId,
      orderNumber: order.number,
      service: service.code,
      from,
      to,
      parcels,
      declaredValue: { amount: order.total, currency: order.currency } as never,
      shopId: order.shopId,
      ...(cod ? { cod: cod as never } : {}),
    });
    return {
      trackingNumber: booking.trackingNumber,
      pickup: booking.pickup,
      label: await courier.label(booking.trackingNumber),
    };
  });
  const labelKey = `labels/${shipmentId}.pdf`;
  await c.env.MEDIA.put(labelKey, label, { httpMetadata: { contentType: "application/pdf" } });

  await recordShipment(db, {
    shipmentId,
    order,
    courier: courier.info,
    service,
    trackingNumber,
    labelKey,
    cod,
    pickup,
  });
  const row = await shipmentById(db, shipmentId);
  if (!row) throw new ApiError("conflict", "This order was booked by another request at the same time. Read it again.");
  return resumeBooking(c.env, standing, row);
}

interface BookedParcel {
  shipmentId: string;
  order: OrderRow;
  courier: { id: string; name: string };
  service: { code: string; name: string };
  trackingNumber: string;
  labelKey: string;
  cod: { amount: number; currency: string } | undefined;
  pickup: Pickup | undefined;
}

/** The commit point: the shipment (live for its order) and its first tracking event, in one batch; a repeat writes nothing. */
async function recordShipment(db: ReturnType<typeof database>, p: BookedParcel): Promise<void> {
  const { shipmentId, order, courier, service, trackingNumber, labelKey, cod, pickup } = p;
  const now = nowMs();
  await db.batch([
    db
      .insert(shipments)
      .values({
        id: shipmentId,
        orderId: order.id,
        shopId: order.shopId,
        courier: courier.id,
        service: service.code,
        trackingNumber,
        status: "booked",
        rank: RANK.booked,
        labelKey,
        codAmount: cod?.amount ?? null,
        codCurrency: cod?.currency ?? null,
        pickupReference: pickup?.reference ?? null,
        pickupFrom: pickup?.from ?? null,
        pickupUntil: pickup?.until ?? null,
        liveOrderId: order.id,
        lastHeardAt: now,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing(),
    db
      .insert(shipmentEvents)
      .values({
        id: newId("sev"),
        shipmentId,
        eventKey: "booked",
        status: "booked",
        description: `Booked with ${courier.name} (${service.name}).`,
        at: now,
        receivedAt: now,
      })
      .onConflictDoNothing(),
  ]);
}

/** After the commit point: the order moves on to processing and shipped (each move once; a retry finishes what is left). */
async function resumeBooking(env: Env, standing: OrderStanding, shipment: ShipmentRow): Promise<ShipmentRow> {
  const db = database(env);
  let order = (await orderById(db, shipment.orderId)) ?? standing.order;
  if (shipment.liveOrderId && order.status === "paid") {
    order = await changeOrderStatus(env, { ...standing, order }, { status: "processing" }, noRefund);
  }
  if (shipment.liveOrderId && order.status === "processing") {
    await changeOrderStatus(
      env,
      { ...standing, order },
      { status: "shipped", trackingNumber: shipment.trackingNumber, courier: shipment.courier },
      noRefund,
    );
  }
  return shipment;
}

/** Booking never cancels or refunds: the status change it makes has no money to give back. */
const noRefund = async (_env: Env, order: OrderRow) => order;

/** A courier that fails or does not answer: 503 with what to do, nothing booked on our side. */
async function callCourier<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof ProviderError) {
      throw new ApiError(
        "service_unavailable",
        "The courier did not accept the booking just now. Try again in a few minutes, or choose another courier.",
        { headers: { "Retry-After": "60" } },
      );
    }
    throw err;
  }
}

function addressParty(address: Record<string, unknown> | null | undefined, country: string): Party {
  const a = (address ?? {}) as Record<string, string | undefined>;
  return {
    name: a.recipientName ?? "",
    phone: a.phone ?? "",
    street: [a.street, a.street2].filter(Boolean).join(", "),
    city: a.city ?? "",
    province: a.province ?? "",
    postalCode: a.postalCode ?? "",
    country,
  };
}

/**
 * The shop's pickup address and contact, as couriers are given it (booking, pickups, live rates):
 * its structured pickup address when it has one (Shop settings), else its one-line address alone,
 * which couriers that price and book by place names (Flash Express, GHN) cannot place.
 */
export async function shopParty(
  env: Env,
  db: ReturnType<typeof database>,
  order: Pick<OrderRow, "shopId">,
): Promise<Party> {
  const shop = await findShop(db, order.shopId);
  const contact = await shopContactOf(env, shop);
  const pickup = contact?.pickupAddress;
  return {
    name: shop.name,
    phone: contact?.phone ?? "",
    ...(contact?.email ? { email: contact.email } : {}),
    street: pickup ? [pickup.street, pickup.street2].filter(Boolean).join(", ") : (contact?.address ?? ""),
    city: pickup?.city ?? "",
    province: pickup?.province ?? "",
    postalCode: pickup?.postalCode ?? "",
    country: shop.country,
  };
}
