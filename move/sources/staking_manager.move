/// Validator set and delegation: routes APT to delegation pools by weight, unlocks for withdrawals,
/// withdraws inactive stake, and measures every framework call (side-effect withdrawals go to `idle_apt`).
module kofi::staking_manager {
    use std::error;
    use std::signer;
    use std::vector;
    use aptos_framework::aptos_account;
    use aptos_framework::aptos_coin::AptosCoin;
    use aptos_framework::coin;
    use aptos_framework::delegation_pool;
    use aptos_framework::event;
    use aptos_framework::stake;
    use aptos_framework::staking_config;
    use kofi::config;

    /// The pool is not in the validator set.
    const E_POOL_NOT_FOUND: u64 = 1;
    /// The pool is already in the validator set.
    const E_POOL_EXISTS: u64 = 2;
    /// The address is not a delegation pool.
    const E_NOT_DELEGATION_POOL: u64 = 3;
    /// Weights of enabled pools must sum to 10000 bps.
    const E_BAD_WEIGHTS: u64 = 4;
    /// Pool and weight vectors differ in length.
    const E_LENGTH_MISMATCH: u64 = 5;
    /// No enabled, active pool with cap room can take this deposit.
    const E_NO_ELIGIBLE_POOL: u64 = 6;
    /// The validator set is full (MAX_POOLS).
    const E_TOO_MANY_POOLS: u64 = 7;
    /// A new pool needs a seed of at least MIN_POOL_SEED.
    const E_SEED_TOO_SMALL: u64 = 8;
    /// The pools cannot unlock this much while keeping their minimums.
    const E_INSUFFICIENT_UNLOCKABLE: u64 = 9;
    /// A disabled pool cannot get a weight.
    const E_POOL_DISABLED: u64 = 10;

    /// Largest number of pools in the validator set.
    const MAX_POOLS: u64 = 16;
    /// Sum of the weights of enabled pools.
    const TOTAL_WEIGHT_BPS: u64 = 10000;
    /// Smallest seed of a new pool (11 APT: the framework's 10 APT minimum plus the add-stake fee).
    const MIN_POOL_SEED: u64 = 1100000000;
    /// Active stake always kept in each pool (10 APT, the framework's MIN_COINS_ON_SHARES_POOL).
    const MIN_POOL_STAKE: u64 = 1000000000;
    /// `stake::get_validator_state` value of an active validator.
    const VALIDATOR_STATUS_ACTIVE: u64 = 2;
    /// Smallest idle amount that `rebalance` delegates (1 APT).
    const MIN_REBALANCE_APT: u64 = 100000000;

    /// One pool of the validator set.
    struct PoolConfig has copy, drop, store {
        pool: address,
        weight_bps: u64,
        cap: u64,
        enabled: bool,
    }

    /// The validator set and the protocol's APT counters, stored at `@kofi`.
    struct Pools has key {
        pools: vector<PoolConfig>,
        idle_apt: u64,
        protocol_equity: u64,
    }

    /// APT owed on open withdrawal tickets, mirrored from `withdrawals` so `rebalance` never stakes it.
    struct ClaimReserve has key {
        reserved_apt: u64,
    }

    #[event]
    /// A pool joined the validator set with its seed.
    struct PoolAdded has drop, store {
        pool: address,
        cap: u64,
        seed_apt: u64,
        staked: u64,
    }

    #[event]
    /// A pool was disabled.
    struct PoolDisabled has drop, store {
        pool: address,
    }

    #[event]
    /// Pool weights changed.
    struct WeightsChanged has drop, store {
        pools: vector<address>,
        weights_bps: vector<u64>,
    }

    #[event]
    /// A pool cap changed.
    struct PoolCapChanged has drop, store {
        pool: address,
        cap: u64,
    }

    #[event]
    /// Idle APT was delegated to a pool.
    struct Delegated has drop, store {
        pool: address,
        amount: u64,
        staked: u64,
        side_withdrawn: u64,
    }

    #[event]
    /// Stake was unlocked from a pool for a withdrawal.
    struct Unlocked has drop, store {
        pool: address,
        requested: u64,
        unlocked: u64,
        side_withdrawn: u64,
    }

    fun init_module(kofi: &signer) {
        move_to(kofi, Pools { pools: vector::empty<PoolConfig>(), idle_apt: 0, protocol_equity: 0 });
        move_to(kofi, ClaimReserve { reserved_apt: 0 });
    }

    // ---------------------------------------------------------------- admin entries

    /// Adds a delegation pool with weight 0, staking `seed_apt` from the admin as protocol equity.
    public entry fun add_pool(admin: &signer, pool: address, cap: u64, seed_apt: u64) acquires Pools {
        config::assert_admin(admin);
        assert!(delegation_pool::delegation_pool_exists(pool), error::invalid_argument(E_NOT_DELEGATION_POOL));
        let (found, _) = find_index(pool);
        assert!(!found, error::already_exists(E_POOL_EXISTS));
        assert!(vector::length(&borrow_global<Pools>(@kofi).pools) < MAX_POOLS, error::out_of_range(E_TOO_MANY_POOLS));
        assert!(seed_apt >= MIN_POOL_SEED, error::invalid_argument(E_SEED_TOO_SMALL));
        aptos_account::transfer(admin, config::protocol_address(), seed_apt);
        let (staked, _side) = delegate_to(pool, seed_apt);
        let state = borrow_global_mut<Pools>(@kofi);
        vector::push_back(&mut state.pools, PoolConfig { pool, weight_bps: 0, cap, enabled: true });
        state.protocol_equity = state.protocol_equity + seed_apt;
        event::emit(PoolAdded { pool, cap, seed_apt, staked });
    }

    /// Sets the weights of the listed pools; afterwards the enabled pools' weights must sum to 10000.
    public entry fun set_weights(admin: &signer, pools: vector<address>, weights_bps: vector<u64>) acquires Pools {
        config::assert_admin(admin);
        let n = vector::length(&pools);
        assert!(n == vector::length(&weights_bps), error::invalid_argument(E_LENGTH_MISMATCH));
        let i = 0;
        while (i < n) {
            let pool = *vector::borrow(&pools, i);
            let weight = *vector::borrow(&weights_bps, i);
            let (found, idx) = find_index(pool);
            assert!(found, error::not_found(E_POOL_NOT_FOUND));
            let cfg = vector::borrow_mut(&mut borrow_global_mut<Pools>(@kofi).pools, idx);
            assert!(cfg.enabled || weight == 0, error::invalid_state(E_POOL_DISABLED));
            cfg.weight_bps = weight;
            i = i + 1;
        };
        let all = &borrow_global<Pools>(@kofi).pools;
        let sum: u128 = 0;
        let j = 0;
        while (j < vector::length(all)) {
            let cfg = vector::borrow(all, j);
            if (cfg.enabled) { sum = sum + (cfg.weight_bps as u128); };
            j = j + 1;
        };
        assert!(sum == (TOTAL_WEIGHT_BPS as u128), error::invalid_argument(E_BAD_WEIGHTS));
        event::emit(WeightsChanged { pools, weights_bps });
    }

    /// Sets the most APT the protocol keeps actively staked in `pool` (checked on deposits).
    public entry fun set_pool_cap(admin: &signer, pool: address, cap: u64) acquires Pools {
        config::assert_admin(admin);
        let (found, idx) = find_index(pool);
        assert!(found, error::not_found(E_POOL_NOT_FOUND));
        vector::borrow_mut(&mut borrow_global_mut<Pools>(@kofi).pools, idx).cap = cap;
        event::emit(PoolCapChanged { pool, cap });
    }

    /// Disables `pool`: weight 0, no new deposits, unlocked first. Re-set the other weights with `set_weights`.
    public entry fun disable_pool(admin: &signer, pool: address) acquires Pools {
        config::assert_admin(admin);
        let (found, idx) = find_index(pool);
        assert!(found, error::not_found(E_POOL_NOT_FOUND));
        let cfg = vector::borrow_mut(&mut borrow_global_mut<Pools>(@kofi).pools, idx);
        cfg.weight_bps = 0;
        cfg.enabled = false;
        event::emit(PoolDisabled { pool });
    }

    /// Delegates idle APT not reserved for tickets (if at least 1 APT) to the most under-weight eligible pool.
    public entry fun rebalance(admin: &signer) acquires Pools, ClaimReserve {
        config::assert_admin(admin);
        let idle = borrow_global<Pools>(@kofi).idle_apt;
        let reserved = borrow_global<ClaimReserve>(@kofi).reserved_apt;
        let amount = if (idle > reserved) { idle - reserved } else { 0 };
        if (amount < MIN_REBALANCE_APT) return;
        let pool = select_pool(amount);
        {
            let state = borrow_global_mut<Pools>(@kofi);
            state.idle_apt = state.idle_apt - amount;
        };
        let (staked, side_withdrawn) = delegate_to(pool, amount);
        event::emit(Delegated { pool, amount, staked, side_withdrawn });
    }

    // ---------------------------------------------------------------- package functions

    /// Delegates `amount` APT, already held by the protocol account, to the selected pool.
    /// Returns the pool and the measured active-stake increase.
    public(package) fun delegate(amount: u64): (address, u64) acquires Pools {
        let pool = select_pool(amount);
        let (staked, _side) = delegate_to(pool, amount);
        (pool, staked)
    }

    /// The pool a deposit of `amount` would go to; aborts E_NO_ELIGIBLE_POOL when there is none.
    public(package) fun select_pool(amount: u64): address acquires Pools {
        let (found, idx) = select_index(amount);
        assert!(found, error::invalid_state(E_NO_ELIGIBLE_POOL));
        vector::borrow(&borrow_global<Pools>(@kofi).pools, idx).pool
    }

    /// Unlocks `amount` across the pools in unlock order. Returns the pools, the part amounts
    /// (min of wanted and measured pending_inactive increase), their lockup cycles and the latest lockup end.
    public(package) fun unlock(amount: u64): (vector<address>, vector<u64>, vector<u64>, u64) acquires Pools {
        let (plan_pools, plan_amounts) = plan_unlock(amount);
        let protocol_signer = config::protocol_signer();
        let protocol = signer::address_of(&protocol_signer);
        let out_pools = vector::empty<address>();
        let out_amounts = vector::empty<u64>();
        let out_olcs = vector::empty<u64>();
        let unlock_at = 0;
        let i = 0;
        let n = vector::length(&plan_pools);
        while (i < n) {
            let pool = *vector::borrow(&plan_pools, i);
            let wanted = *vector::borrow(&plan_amounts, i);
            delegation_pool::synchronize_delegation_pool(pool);
            let (_, _, pending_before) = delegation_pool::get_stake(pool, protocol);
            let balance_before = coin::balance<AptosCoin>(protocol);
            delegation_pool::unlock(&protocol_signer, pool, wanted);
            let balance_after = coin::balance<AptosCoin>(protocol);
            let (_, _, pending_after) = delegation_pool::get_stake(pool, protocol);
            let side_withdrawn = if (balance_after > balance_before) { balance_after - balance_before } else { 0 };
            add_idle(side_withdrawn);
            let unlocked = if (pending_after > pending_before) { pending_after - pending_before } else { 0 };
            let part = if (unlocked < wanted) { unlocked } else { wanted };
            vector::push_back(&mut out_pools, pool);
            vector::push_back(&mut out_amounts, part);
            vector::push_back(&mut out_olcs, delegation_pool::observed_lockup_cycle(pool));
            let lockup = stake::get_lockup_secs(pool);
            if (lockup > unlock_at) { unlock_at = lockup; };
            event::emit(Unlocked { pool, requested: wanted, unlocked, side_withdrawn });
            i = i + 1;
        };
        (out_pools, out_amounts, out_olcs, unlock_at)
    }

    /// Plans an unlock of `amount` without executing it: pools and amounts in unlock order.
    /// Aborts E_INSUFFICIENT_UNLOCKABLE when the pools cannot give that much above their minimums.
    public(package) fun plan_unlock(amount: u64): (vector<address>, vector<u64>) acquires Pools {
        let protocol = config::protocol_address();
        let order = unlock_order();
        let all = &borrow_global<Pools>(@kofi).pools;
        let out_pools = vector::empty<address>();
        let out_amounts = vector::empty<u64>();
        let remaining = amount;
        let i = 0;
        while (i < vector::length(&order) && remaining > 0) {
            let pool = vector::borrow(all, *vector::borrow(&order, i)).pool;
            let (active, _, pending_inactive) = delegation_pool::get_stake(pool, protocol);
            // keep MIN_POOL_STAKE (plus one octa against share rounding) active in every pool
            let available = if (active > MIN_POOL_STAKE + 1) { active - MIN_POOL_STAKE - 1 } else { 0 };
            // the protocol's active stake includes this epoch's pending_active deposits, but
            // `delegation_pool::unlock` aborts (ENOT_ENOUGH_ACTIVE_STAKE_TO_UNLOCK) above the stake pool's active
            // stake, and the top-up below adds one octa: stay strictly under it
            let (pool_active, _, _, _) = stake::get_stake(pool);
            let pool_room = if (pool_active > 0) { pool_active - 1 } else { 0 };
            if (available > pool_room) { available = pool_room; };
            // the framework tops a new pending_inactive balance up to its minimum
            let floor = if (pending_inactive >= MIN_POOL_STAKE) { 0 } else { MIN_POOL_STAKE - pending_inactive };
            if (available > 0 && available >= floor) {
                let take = if (remaining < available) { remaining } else { available };
                vector::push_back(&mut out_pools, pool);
                vector::push_back(&mut out_amounts, take);
                remaining = remaining - take;
            };
            i = i + 1;
        };
        assert!(remaining == 0, error::invalid_state(E_INSUFFICIENT_UNLOCKABLE));
        (out_pools, out_amounts)
    }

    /// Largest `stake::get_lockup_secs` over `pools` (0 for none).
    public(package) fun max_lockup_secs(pools: &vector<address>): u64 {
        let unlock_at = 0;
        let i = 0;
        while (i < vector::length(pools)) {
            let lockup = stake::get_lockup_secs(*vector::borrow(pools, i));
            if (lockup > unlock_at) { unlock_at = lockup; };
            i = i + 1;
        };
        unlock_at
    }

    /// Withdraws the protocol's withdrawable stake from `pool` into `idle_apt`; returns the measured amount.
    public(package) fun withdraw_inactive(pool: address): u64 acquires Pools {
        let protocol_signer = config::protocol_signer();
        let protocol = signer::address_of(&protocol_signer);
        delegation_pool::synchronize_delegation_pool(pool);
        let (withdrawable, amount) = delegation_pool::get_pending_withdrawal(pool, protocol);
        // withdrawable: inactive (an ended lockup cycle), or pending_inactive once the validator has left the set
        // and its lockup has passed (`can_withdraw_pending_inactive`), which `get_pending_withdrawal` reports as
        // not withdrawable although `delegation_pool::withdraw` pays it out; part_ready accepts both
        if (amount == 0 || !(withdrawable || delegation_pool::can_withdraw_pending_inactive(pool))) return 0;
        let balance_before = coin::balance<AptosCoin>(protocol);
        delegation_pool::withdraw(&protocol_signer, pool, amount);
        let balance_after = coin::balance<AptosCoin>(protocol);
        let received = if (balance_after > balance_before) { balance_after - balance_before } else { 0 };
        add_idle(received);
        received
    }

    /// Synchronises `pool` so that its observed lockup cycle is current.
    public(package) fun sync_pool(pool: address) {
        delegation_pool::synchronize_delegation_pool(pool);
    }

    /// Whether a ticket part unlocked in `pool` at lockup cycle `olc` can be withdrawn.
    public(package) fun part_ready(pool: address, olc: u64): bool {
        let current = delegation_pool::observed_lockup_cycle(pool);
        if (current > olc) return true;
        if (delegation_pool::can_withdraw_pending_inactive(pool)) return true;
        if (current == olc) {
            // the stake pool's lockup ended but the delegation pool has not been synchronised yet
            let (withdrawable, _) = delegation_pool::get_pending_withdrawal(pool, config::protocol_address());
            return withdrawable
        };
        false
    }

    /// Pays `amount` of idle APT from the protocol account to `to`. The caller checks `idle_apt` first.
    public(package) fun pay(to: address, amount: u64) acquires Pools {
        let state = borrow_global_mut<Pools>(@kofi);
        state.idle_apt = state.idle_apt - amount;
        aptos_account::transfer(&config::protocol_signer(), to, amount);
    }

    /// Mirrors the open-ticket liabilities so `rebalance` keeps them idle.
    public(package) fun set_reserved_apt(amount: u64) acquires ClaimReserve {
        borrow_global_mut<ClaimReserve>(@kofi).reserved_apt = amount;
    }

    /// Controlled APT: the protocol's stake in every pool (active + inactive + pending_inactive) plus idle APT.
    public(package) fun controlled_apt(): u64 acquires Pools {
        total_staked_apt() + borrow_global<Pools>(@kofi).idle_apt
    }

    /// The protocol's stake in every pool (active + inactive + pending_inactive).
    public(package) fun total_staked_apt(): u64 acquires Pools {
        let protocol = config::protocol_address();
        let all = &borrow_global<Pools>(@kofi).pools;
        let total = 0;
        let i = 0;
        while (i < vector::length(all)) {
            let (active, inactive, pending_inactive) = delegation_pool::get_stake(vector::borrow(all, i).pool, protocol);
            total = total + active + inactive + pending_inactive;
            i = i + 1;
        };
        total
    }

    /// APT held by the protocol account for the protocol.
    public(package) fun idle_apt(): u64 acquires Pools { borrow_global<Pools>(@kofi).idle_apt }

    /// APT staked by the admin as pool seeds.
    public(package) fun protocol_equity(): u64 acquires Pools { borrow_global<Pools>(@kofi).protocol_equity }

    /// Number of pools in the validator set.
    public(package) fun pool_count(): u64 acquires Pools { vector::length(&borrow_global<Pools>(@kofi).pools) }

    /// Pool `i`: (pool, weight_bps, cap, enabled).
    public(package) fun pool_at(i: u64): (address, u64, u64, bool) acquires Pools {
        let cfg = vector::borrow(&borrow_global<Pools>(@kofi).pools, i);
        (cfg.pool, cfg.weight_bps, cfg.cap, cfg.enabled)
    }

    /// Whether `pool` is an active validator.
    public(package) fun validator_active(pool: address): bool {
        stake::get_validator_state(pool) == VALIDATOR_STATUS_ACTIVE
    }

    /// The framework's add-stake fee for `amount` on `pool` at this epoch.
    public(package) fun quote_add_stake_fee(pool: address, amount: u64): u64 {
        delegation_pool::get_add_stake_fee(pool, amount)
    }

    /// The protocol's stake in `pool`: (active, inactive, pending_inactive).
    public(package) fun pool_stake(pool: address): (u64, u64, u64) {
        delegation_pool::get_stake(pool, config::protocol_address())
    }

    /// Operator commission of `pool` in bps (the framework's hundredths of a percent).
    public(package) fun commission_bps(pool: address): u64 {
        delegation_pool::operator_commission_percentage(pool)
    }

    /// End of the current lockup of `pool`'s stake pool, in seconds.
    public(package) fun lockup_secs(pool: address): u64 {
        stake::get_lockup_secs(pool)
    }

    /// The network's recurring lockup duration in seconds.
    public(package) fun lockup_duration_secs(): u64 {
        staking_config::get_recurring_lockup_duration(&staking_config::get())
    }

    // ---------------------------------------------------------------- internals

    fun add_idle(amount: u64) acquires Pools {
        if (amount == 0) return;
        let state = borrow_global_mut<Pools>(@kofi);
        state.idle_apt = state.idle_apt + amount;
    }

    /// Stakes `amount` APT held by the protocol account into `pool`; returns (active increase, side withdrawal).
    fun delegate_to(pool: address, amount: u64): (u64, u64) acquires Pools {
        let protocol_signer = config::protocol_signer();
        let protocol = signer::address_of(&protocol_signer);
        delegation_pool::synchronize_delegation_pool(pool);
        let (active_before, _, _) = delegation_pool::get_stake(pool, protocol);
        let balance_before = coin::balance<AptosCoin>(protocol);
        delegation_pool::add_stake(&protocol_signer, pool, amount);
        let balance_after = coin::balance<AptosCoin>(protocol);
        let (active_after, _, _) = delegation_pool::get_stake(pool, protocol);
        let side_withdrawn = if (balance_after + amount > balance_before) {
            balance_after + amount - balance_before
        } else { 0 };
        add_idle(side_withdrawn);
        let staked = if (active_after > active_before) { active_after - active_before } else { 0 };
        (staked, side_withdrawn)
    }

    fun find_index(pool: address): (bool, u64) acquires Pools {
        let all = &borrow_global<Pools>(@kofi).pools;
        let i = 0;
        while (i < vector::length(all)) {
            if (vector::borrow(all, i).pool == pool) return (true, i);
            i = i + 1;
        };
        (false, 0)
    }

    /// Eligible pool with the smallest stake / weight (ties: lowest index).
    fun select_index(amount: u64): (bool, u64) acquires Pools {
        let protocol = config::protocol_address();
        let all = &borrow_global<Pools>(@kofi).pools;
        let found = false;
        let best = 0;
        let best_stake: u128 = 0;
        let best_weight: u128 = 1;
        let i = 0;
        while (i < vector::length(all)) {
            let cfg = vector::borrow(all, i);
            if (cfg.enabled && cfg.weight_bps > 0 && stake::get_validator_state(cfg.pool) == VALIDATOR_STATUS_ACTIVE) {
                let (active, _, _) = delegation_pool::get_stake(cfg.pool, protocol);
                if ((active as u128) + (amount as u128) <= (cfg.cap as u128)) {
                    let stake_i = (active as u128);
                    let weight_i = (cfg.weight_bps as u128);
                    if (!found || stake_i * best_weight < best_stake * weight_i) {
                        found = true;
                        best = i;
                        best_stake = stake_i;
                        best_weight = weight_i;
                    };
                };
            };
            i = i + 1;
        };
        (found, best)
    }

    /// Unlock order: disabled or zero-weight pools by index, then enabled pools by largest stake / weight.
    fun unlock_order(): vector<u64> acquires Pools {
        let protocol = config::protocol_address();
        let all = &borrow_global<Pools>(@kofi).pools;
        let n = vector::length(all);
        let order = vector::empty<u64>();
        let stakes = vector::empty<u128>();
        let i = 0;
        while (i < n) {
            let cfg = vector::borrow(all, i);
            let (active, _, _) = delegation_pool::get_stake(cfg.pool, protocol);
            vector::push_back(&mut stakes, (active as u128));
            if (!cfg.enabled || cfg.weight_bps == 0) { vector::push_back(&mut order, i); };
            i = i + 1;
        };
        let taken = vector::empty<bool>();
        let k = 0;
        while (k < n) {
            let cfg = vector::borrow(all, k);
            vector::push_back(&mut taken, !cfg.enabled || cfg.weight_bps == 0);
            k = k + 1;
        };
        loop {
            let found = false;
            let best = 0;
            let best_stake: u128 = 0;
            let best_weight: u128 = 1;
            let j = 0;
            while (j < n) {
                if (!*vector::borrow(&taken, j)) {
                    let stake_j = *vector::borrow(&stakes, j);
                    let weight_j = (vector::borrow(all, j).weight_bps as u128);
                    if (!found || stake_j * best_weight > best_stake * weight_j) {
                        found = true;
                        best = j;
                        best_stake = stake_j;
                        best_weight = weight_j;
                    };
                };
                j = j + 1;
            };
            if (!found) break;
            *vector::borrow_mut(&mut taken, best) = true;
            vector::push_back(&mut order, best);
        };
        order
    }

    #[test_only]
    /// Runs `init_module` in unit tests.
    public fun init_for_test(kofi: &signer) {
        init_module(kofi);
    }
}
