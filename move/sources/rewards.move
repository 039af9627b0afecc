/// Reward accounting: books the growth of controlled APT over liabilities as rewards, takes the protocol fee
/// as kAPT minted to the treasury, and streams the rest into the vault over the next epoch.
module kofi::rewards {
    use std::vector;
    use aptos_framework::block;
    use aptos_framework::event;
    use aptos_framework::timestamp;
    use kofi::config;
    use kofi::kapt;
    use kofi::staking_manager;
    use kofi::vault;
    use kofi::withdrawals;

    /// Basis points denominator.
    const BPS: u64 = 10000;
    /// Trailing window of the APR (7 days).
    const APR_WINDOW_SECS: u64 = 604800;
    /// Samples kept in the APR ring (fixed size).
    const APR_RING_SIZE: u64 = 32;
    /// Smallest spacing of two ring samples: the ring spans at least the window (604800 / 32).
    const APR_SAMPLE_SPACING_SECS: u64 = 18900;
    /// Shortest history the APR is computed over (1 day); shorter says "not enough history".
    const APR_MIN_HISTORY_SECS: u64 = 86400;
    /// Seconds in a year (365 days).
    const SECONDS_PER_YEAR: u64 = 31536000;
    /// Parts per million.
    const PPM: u64 = 1000000;

    /// Reward counters, stored at `@kofi`.
    struct Rewards has key {
        last_sync_secs: u64,
        total_rewards: u64,
        total_fees: u64,
    }

    /// Cumulative reward figures at a sync: rewards booked so far (gross, before the fee) and principal-seconds,
    /// the integral over time of the liabilities that earned them (kAPT supply + open tickets + protocol equity).
    struct AprSample has copy, drop, store {
        time_secs: u64,
        rewards: u128,
        principal_secs: u128,
    }

    /// Trailing reward history for the APR, stored at `@kofi`: `last` is updated at every sync, and copied into
    /// the fixed-size ring `samples` (overwriting the oldest at `next`) when APR_SAMPLE_SPACING_SECS have passed
    /// since the newest sample, so the ring spans at least APR_WINDOW_SECS.
    struct AprHistory has key {
        samples: vector<AprSample>,
        next: u64,
        last: AprSample,
    }

    #[event]
    /// New rewards were booked.
    struct RewardsSynced has drop, store {
        controlled_apt: u64,
        rewards: u64,
        fee: u64,
        to_vault: u64,
        to_treasury: u64,
        stream_end: u64,
    }

    fun init_module(kofi: &signer) {
        move_to(kofi, Rewards { last_sync_secs: 0, total_rewards: 0, total_fees: 0 });
        move_to(kofi, AprHistory {
            samples: vector::empty<AprSample>(),
            next: 0,
            last: AprSample { time_secs: 0, rewards: 0, principal_secs: 0 },
        });
    }

    /// Books pending rewards; permissionless.
    public entry fun sync_rewards(_caller: &signer) acquires AprHistory, Rewards {
        sync();
    }

    /// Recovers evicted stake paid into the protocol account (`staking_manager::recover_evicted`), releases the
    /// stream, then books `controlled - liabilities` (if positive) as rewards.
    /// Called first by every state-changing gateway entry.
    public(package) fun sync() acquires AprHistory, Rewards {
        staking_manager::recover_evicted();
        let now = timestamp::now_seconds();
        vault::release_stream(now);
        let controlled = staking_manager::controlled_apt();
        let liabilities = (kapt::supply() as u128)
            + (withdrawals::liabilities() as u128)
            + (staking_manager::protocol_equity() as u128);
        let new_rewards = if ((controlled as u128) > liabilities) { (((controlled as u128) - liabilities) as u64) } else { 0 };
        record_apr_sample(now, liabilities, new_rewards);
        let state = borrow_global_mut<Rewards>(@kofi);
        state.last_sync_secs = now;
        if (new_rewards == 0) return;
        let fee = ((((new_rewards as u128) * (config::fee_bps() as u128)) / (BPS as u128)) as u64);
        let rest = new_rewards - fee;
        let treasury = config::treasury();
        kapt::mint_to(treasury, fee);
        let to_vault = 0;
        let to_treasury = fee;
        let stream_end = vault::stream_end();
        if (vault::user_shares() == 0) {
            kapt::mint_to(treasury, rest);
            to_treasury = fee + rest;
        } else if (rest > 0) {
            kapt::mint_to(config::protocol_address(), rest);
            stream_end = vault::add_stream(now, rest, block::get_epoch_interval_secs());
            to_vault = rest;
        };
        state.total_rewards = state.total_rewards + new_rewards;
        state.total_fees = state.total_fees + fee;
        event::emit(RewardsSynced {
            controlled_apt: controlled,
            rewards: new_rewards,
            fee,
            to_vault,
            to_treasury,
            stream_end,
        });
    }

    /// Updates the APR history at a sync at `now`: the liabilities measured before booking are the principal
    /// since the previous sync (every principal change is preceded by a sync), and `new_rewards` were earned on it.
    fun record_apr_sample(now: u64, liabilities: u128, new_rewards: u64) acquires AprHistory {
        let h = borrow_global_mut<AprHistory>(@kofi);
        if (vector::is_empty(&h.samples)) {
            // first sync: the history starts here; rewards before it have no measured principal-time
            h.last = AprSample { time_secs: now, rewards: 0, principal_secs: 0 };
        } else if (now > h.last.time_secs) {
            h.last.principal_secs = h.last.principal_secs + liabilities * ((now - h.last.time_secs) as u128);
            h.last.rewards = h.last.rewards + (new_rewards as u128);
            h.last.time_secs = now;
        } else {
            h.last.rewards = h.last.rewards + (new_rewards as u128);
        };
        let n = vector::length(&h.samples);
        let newest = if (n == 0) { 0 } else {
            let k = if (h.next == 0) { n - 1 } else { h.next - 1 };
            vector::borrow(&h.samples, k).time_secs
        };
        if (n == 0 || now >= newest + APR_SAMPLE_SPACING_SECS) {
            if (n < APR_RING_SIZE) {
                vector::push_back(&mut h.samples, h.last);
                h.next = (n + 1) % APR_RING_SIZE;
            } else {
                *vector::borrow_mut(&mut h.samples, h.next) = h.last;
                h.next = (h.next + 1) % APR_RING_SIZE;
            };
        };
    }

    /// The APR over the trailing window, as of `now`: (enough_history, apr_ppm, gross_apr_ppm, window_start,
    /// window_secs, window_rewards, principal_secs). Rewards are those booked since the baseline sample plus the
    /// rewards accrued but not yet synced (`controlled - liabilities`), over the principal-seconds since the
    /// baseline (the stored integral plus the current liabilities times the time since the last sync). The
    /// baseline is the newest sample at least APR_WINDOW_SECS old, so the window is 7 days plus at most the
    /// sample spacing while syncs are frequent, and reaches back to the last sync before a quiet stretch; with a
    /// history shorter than the window, the oldest sample. `gross_apr_ppm` is the stakers' yield after validator
    /// commission; `apr_ppm` is it net of the protocol fee (the current `fee_bps`). `enough_history` is false
    /// (and both APRs 0) on a fresh chain: no sync yet, less than APR_MIN_HISTORY_SECS of history, or no principal.
    public(package) fun apr(now: u64): (bool, u64, u64, u64, u64, u64, u128) acquires AprHistory {
        let h = borrow_global<AprHistory>(@kofi);
        if (vector::is_empty(&h.samples)) return (false, 0, 0, 0, 0, 0, 0);
        let controlled = (staking_manager::controlled_apt() as u128);
        let liabilities = (kapt::supply() as u128)
            + (withdrawals::liabilities() as u128)
            + (staking_manager::protocol_equity() as u128);
        let pending = if (controlled > liabilities) { controlled - liabilities } else { 0 };
        let since_last = if (now > h.last.time_secs) { ((now - h.last.time_secs) as u128) } else { 0 };
        let cur_rewards = h.last.rewards + pending;
        let cur_principal_secs = h.last.principal_secs + liabilities * since_last;
        // baseline: the newest sample at least APR_WINDOW_SECS old (`last` counts as one); with a shorter
        // history, the oldest sample
        let window_floor = if (now > APR_WINDOW_SECS) { now - APR_WINDOW_SECS } else { 0 };
        let found = h.last.time_secs <= window_floor;
        let base = h.last;
        let i = 0;
        while (i < vector::length(&h.samples)) {
            let s = *vector::borrow(&h.samples, i);
            if (s.time_secs <= window_floor) {
                if (!found || s.time_secs > base.time_secs) { base = s; found = true; };
            } else if (!found && s.time_secs < base.time_secs) {
                base = s;
            };
            i = i + 1;
        };
        let window_secs = if (now > base.time_secs) { now - base.time_secs } else { 0 };
        let window_rewards = if (cur_rewards > base.rewards) { cur_rewards - base.rewards } else { 0 };
        let principal_secs = cur_principal_secs - base.principal_secs;
        if (window_secs < APR_MIN_HISTORY_SECS || principal_secs == 0) {
            return (false, 0, 0, base.time_secs, window_secs, clamp(window_rewards), principal_secs)
        };
        let gross = window_rewards * (SECONDS_PER_YEAR as u128) * (PPM as u128) / principal_secs;
        let net = gross * ((BPS - config::fee_bps()) as u128) / (BPS as u128);
        (true, clamp(net), clamp(gross), base.time_secs, window_secs, clamp(window_rewards), principal_secs)
    }

    fun clamp(x: u128): u64 {
        if (x > 18446744073709551615) { 18446744073709551615 } else { (x as u64) }
    }

    /// (last_sync_secs, total_rewards, total_fees).
    public(package) fun totals(): (u64, u64, u64) acquires Rewards {
        let state = borrow_global<Rewards>(@kofi);
        (state.last_sync_secs, state.total_rewards, state.total_fees)
    }

    #[test_only]
    /// Runs `init_module` in unit tests.
    public fun init_for_test(kofi: &signer) {
        init_module(kofi);
    }
}
