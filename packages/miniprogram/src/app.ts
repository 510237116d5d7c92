import { flushVisits, watchConnection } from './lib/runtime';

/** Sends what was saved offline when the app starts or comes back to the front, and when the network returns. */
App({
  onLaunch() {
    watchConnection();
    void flushVisits();
  },
  onShow() {
    void flushVisits();
  },
});
