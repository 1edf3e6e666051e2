/** Small questions about the acting user that several use cases ask: defined once, in the access rules. */
export { isLandlordRole, memberPartnerOf as memberPartnerId } from '../rules/access';
