/** The header the demo tab sends to say who it is viewing as (accepted in the demo profile only). */
export const DEMO_USER_HEADER = 'x-demo-user';
