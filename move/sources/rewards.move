/// Reward accounting: books the growth of controlled APT over liabilities as rewards, takes the protocol fee
/// as kAPT minted to the treasury, and streams the rest into the vault over the next epoch.
module kofi::rewards {
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

    /// Reward counters, stored at `@kofi`.
    struct Rewards has key {
        last_sync_secs: u64,
        total_rewards: u64,
        total_fees: u64,
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
    }

    /// Books pending rewards; permissionless.
    public entry fun sync_rewards(_caller: &signer) acquires Rewards {
        sync();
    }

    /// Releases the stream, then books `controlled - liabilities` (if positive) as rewards.
    /// Called first by every state-changing gateway entry.
    public(package) fun sync() acquires Rewards {
        let now = timestamp::now_seconds();
        vault::release_stream(now);
        let controlled = staking_manager::controlled_apt();
        let liabilities = (kapt::supply() as u128)
            + (withdrawals::liabilities() as u128)
            + (staking_manager::protocol_equity() as u128);
        let state = borrow_global_mut<Rewards>(@kofi);
        state.last_sync_secs = now;
        if ((controlled as u128) <= liabilities) return;
        let new_rewards = (((controlled as u128) - liabilities) as u64);
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
