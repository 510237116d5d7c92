import { currentSession, go } from '../../lib/runtime';

/** The home page: villagers' queries (no sign-in) and the cadres' entry. */
Component({
  data: { signedIn: false, userName: '' },
  methods: {
    onShow() {
      const session = currentSession();
      this.setData({ signedIn: Boolean(session), userName: session?.user.name ?? '' });
    },
    toRegions() {
      go('/pages/regions/index');
    },
    toObjection() {
      go('/pages/objection/index');
    },
    toPayments() {
      go('/pages/payments/index');
    },
    toTasks() {
      go(currentSession() ? '/pages/tasks/index' : '/pages/sign-in/index');
    },
  },
});
