/** @tillbox/cloud-relay: the chain's service between the store boxes and the cloud (see README.md). */
export {};
