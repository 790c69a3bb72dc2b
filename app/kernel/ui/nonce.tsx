import { createContext, useContext } from "react";

// The Content-Security-Policy nonce for this response. On the server it comes from the request
// (server.js makes one per response); in the browser it is "" because browsers hide nonce values.
const NonceContext = createContext("");
export const NonceProvider = NonceContext.Provider;
export const useNonce = () => useContext(NonceContext);
