import { createRouter } from "../platform/openapi";
import { createAddressHandler, createAddressRoute } from "./routes/address-create";
import { deleteAddressHandler, deleteAddressRoute } from "./routes/address-delete";
import { updateAddressHandler, updateAddressRoute } from "./routes/address-update";
import { listAddressesHandler, listAddressesRoute } from "./routes/addresses-list";
import { deleteMeHandler, deleteMeRoute } from "./routes/delete-me";
import { exportMeHandler, exportMeRoute } from "./routes/export";
import { getMeHandler, getMeRoute } from "./routes/me-get";
import { patchMeHandler, patchMeRoute } from "./routes/me-patch";

export const usersRouter = createRouter()
  .openapi(getMeRoute, getMeHandler)
  .openapi(patchMeRoute, patchMeHandler)
  .openapi(deleteMeRoute, deleteMeHandler)
  .openapi(exportMeRoute, exportMeHandler)
  .openapi(listAddressesRoute, listAddressesHandler)
  .openapi(createAddressRoute, createAddressHandler)
  .openapi(updateAddressRoute, updateAddressHandler)
  .openapi(deleteAddressRoute, deleteAddressHandler);
