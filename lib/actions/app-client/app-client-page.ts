/** Every app-client action refreshes the one page that shows the app client. */
export const APP_CLIENT_PAGE = "/admin/app-client";
