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
    /// The eligible pools together cannot take this deposit (caps, stake limits); nothing was changed.
    const E_INSUFFICIENT_CAPACITY: u64 = 11;

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

    /// APT owed on matured withdrawal tickets (their lockup cycle ended) not yet claimed: `rebalance` never
    /// stakes it. Tickets still in their lockup cycle are booked in `OpenUnlocks` until they mature.
    struct ClaimReserve has key {
        reserved_apt: u64,
    }

    /// APT owed on tickets whose unlock has not matured yet, per pool and observed lockup cycle.
    struct UnlockBucket has copy, drop, store {
        pool: address,
        olc: u64,
        amount: u64,
    }

    /// Ticket parts not matured yet, stored at `@kofi`; a bucket moves into `ClaimReserve` once its pool's
    /// lockup cycle has passed its `olc` (at most one open bucket per pool and cycle).
    struct OpenUnlocks has key {
        buckets: vector<UnlockBucket>,
    }

    /// The protocol account's APT that `idle_apt` does not count, as last measured (`unbooked_apt`: donations),
    /// and the pools whose eviction has been reconciled; stored at the protocol account. Every movement of APT
    /// the protocol makes is measured into `idle_apt`, so the protocol account's balance less `idle_apt` changes
    /// only by transactions of others: donations, and the framework paying out the protocol's inactive stake
    /// when a pool's owner evicts it (`recover_evicted`).
    struct EvictionLedger has key {
        unbooked_apt: u64,
        evicted: vector<address>,
    }

    #[event]
    /// APT that an eviction paid out of the protocol's inactive stake into the protocol account (outside any
    /// protocol transaction) was recovered into `idle_apt`; `pools` are the pools first seen evicted.
    struct EvictionRecovered has drop, store {
        pools: vector<address>,
        amount: u64,
    }

    #[event]
    /// `rebalance` delegated idle APT; the framework's add-stake fee and share rounding it cost (the drop of
    /// controlled APT) were charged to `protocol_equity`, so kAPT and tickets stay fully backed.
    struct RebalanceCharged has drop, store {
        delegated: u64,
        charged: u64,
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
    /// The protocol's withdrawable stake in a pool was withdrawn into `idle_apt` (permissionless sweep).
    struct InactiveWithdrawn has drop, store {
        pool: address,
        amount: u64,
    }

    #[event]
    /// APT was delegated to a pool (a deposit's part, or idle APT by `rebalance`).
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
        move_to(kofi, OpenUnlocks { buckets: vector::empty<UnlockBucket>() });
        move_to(&config::protocol_signer(), EvictionLedger { unbooked_apt: 0, evicted: vector::empty<address>() });
    }

    // ---------------------------------------------------------------- admin entries

    /// Adds a delegation pool with weight 0, staking `seed_apt` from the admin as protocol equity. The equity booked
    /// is the measured active-stake increase (`PoolAdded.staked`: the seed less the framework's add-stake fee),
    /// what the framework credits the protocol; the fee it refunds to the pool at the epoch end comes back pro rata
    /// as rewards.
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
        state.protocol_equity = state.protocol_equity + staked;
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

    /// Disables `pool`: weight 0, no new deposits. Its stake stays delegated; withdrawals unlock it before any
    /// enabled pool's (`unlock_order`). Re-set the other weights with `set_weights`.
    public entry fun disable_pool(admin: &signer, pool: address) acquires Pools {
        config::assert_admin(admin);
        let (found, idx) = find_index(pool);
        assert!(found, error::not_found(E_POOL_NOT_FOUND));
        let cfg = vector::borrow_mut(&mut borrow_global_mut<Pools>(@kofi).pools, idx);
        cfg.weight_bps = 0;
        cfg.enabled = false;
        event::emit(PoolDisabled { pool });
    }

    /// Permissionless (any signer): withdraws every pool's withdrawable stake into idle APT, then delegates the
    /// idle APT not owed to matured tickets (if at least 1 APT) along the admin's weights, skipping pools that
    /// cannot take it (see `plan_deposit`); split across pools when one cannot take it all, and limited to what
    /// the eligible pools together can take. Moves only the protocol's own APT. The framework's add-stake fee (and
    /// share rounding) is charged to `protocol_equity`, measured as the drop of controlled APT, so kAPT and
    /// tickets stay fully backed; the amount is limited to what the equity can pay the quoted fee for (one octa of
    /// rounding per pool added). Recovers evicted stake first (`recover_evicted`). Events `Delegated` per pool and
    /// `RebalanceCharged`.
    public entry fun rebalance(_caller: &signer) acquires Pools, ClaimReserve, OpenUnlocks, EvictionLedger {
        recover_evicted();
        sweep_all();
        fold_matured();
        let idle = borrow_global<Pools>(@kofi).idle_apt;
        let reserved = borrow_global<ClaimReserve>(@kofi).reserved_apt;
        let amount = if (idle > reserved) { idle - reserved } else { 0 };
        let room = deposit_capacity();
        if (amount > room) { amount = room; };
        if (amount < MIN_REBALANCE_APT) return;
        // the fee is paid from equity: delegate only what the equity can pay for
        let equity = borrow_global<Pools>(@kofi).protocol_equity;
        let cost = quote_delegation_cost(amount);
        if (cost > equity) {
            amount = ((((amount as u128) * (equity as u128)) / (cost as u128)) as u64);
            if (amount < MIN_REBALANCE_APT || quote_delegation_cost(amount) > equity) return;
        };
        let before = controlled_apt();
        {
            let state = borrow_global_mut<Pools>(@kofi);
            state.idle_apt = state.idle_apt - amount;
        };
        delegate(amount);
        let after = controlled_apt();
        let charged = if (before > after) { before - after } else { 0 };
        let state = borrow_global_mut<Pools>(@kofi);
        if (charged > state.protocol_equity) { charged = state.protocol_equity; };
        state.protocol_equity = state.protocol_equity - charged;
        event::emit(RebalanceCharged { delegated: amount, charged });
    }

    /// Permissionless (any signer): withdraws the protocol's withdrawable stake in `pool` (inactive, or
    /// pending_inactive of a validator that left the set once its lockup passed) into idle APT. This recovers
    /// stake a pool's owner evicted or a departed validator left behind; claims pay from idle APT whichever pool
    /// their ticket named. Recovers evicted stake first (`recover_evicted`). `E_POOL_NOT_FOUND` for a pool
    /// outside the set. Event `InactiveWithdrawn`.
    public entry fun withdraw_inactive_stake(_caller: &signer, pool: address) acquires Pools, EvictionLedger {
        let (found, _) = find_index(pool);
        assert!(found, error::not_found(E_POOL_NOT_FOUND));
        recover_evicted();
        let amount = withdraw_inactive(pool);
        event::emit(InactiveWithdrawn { pool, amount });
    }

    // ---------------------------------------------------------------- package functions

    /// Delegates `amount` APT, already held by the protocol account, along `plan_deposit(amount)`.
    /// Returns the pools, in plan order, and the total measured active-stake increase. Event `Delegated` per pool.
    public(package) fun delegate(amount: u64): (vector<address>, u64) acquires Pools {
        let (pools, amounts) = plan_deposit(amount);
        let total = 0;
        let i = 0;
        while (i < vector::length(&pools)) {
            let pool = *vector::borrow(&pools, i);
            let part = *vector::borrow(&amounts, i);
            let (staked, side_withdrawn) = delegate_to(pool, part);
            event::emit(Delegated { pool, amount: part, staked, side_withdrawn });
            total = total + staked;
            i = i + 1;
        };
        (pools, total)
    }

    /// Plans a deposit of `amount` without executing it: pools and the APT each takes. Among the eligible pools
    /// whose room (`deposit_room`) fits the whole amount, the most under-weight (smallest stake / weight, ties to
    /// the lowest index) takes it. When no pool can take it all, it is split: the most under-weight pool with room
    /// takes all it can, then the next, and so on. Aborts `E_NO_ELIGIBLE_POOL` when no pool can take
    /// anything and `E_INSUFFICIENT_CAPACITY` when all of them together cannot take `amount`.
    public(package) fun plan_deposit(amount: u64): (vector<address>, vector<u64>) acquires Pools {
        let protocol = config::protocol_address();
        let max_commission = config::max_commission_bps();
        let all = &borrow_global<Pools>(@kofi).pools;
        let n = vector::length(all);
        let rooms = vector::empty<u64>();
        let stakes = vector::empty<u128>();
        let capacity: u128 = 0;
        let i = 0;
        while (i < n) {
            let cfg = vector::borrow(all, i);
            let room = deposit_room(cfg, protocol, max_commission);
            let (active, _, _) = delegation_pool::get_stake(cfg.pool, protocol);
            vector::push_back(&mut rooms, room);
            vector::push_back(&mut stakes, (active as u128));
            capacity = capacity + (room as u128);
            i = i + 1;
        };
        assert!(capacity > 0, error::invalid_state(E_NO_ELIGIBLE_POOL));
        assert!((amount as u128) <= capacity, error::invalid_state(E_INSUFFICIENT_CAPACITY));
        let out_pools = vector::empty<address>();
        let out_amounts = vector::empty<u64>();
        // first pass: the pools that can take the whole amount; the split (second pass) only when none can
        let whole = false;
        let k = 0;
        while (k < n) {
            if (*vector::borrow(&rooms, k) >= amount) { whole = true; };
            k = k + 1;
        };
        let remaining = amount;
        while (remaining > 0) {
            let found = false;
            let best = 0;
            let best_stake: u128 = 0;
            let best_weight: u128 = 1;
            let j = 0;
            while (j < n) {
                let room_j = *vector::borrow(&rooms, j);
                if (room_j > 0 && (!whole || room_j >= amount)) {
                    let stake_j = *vector::borrow(&stakes, j);
                    let weight_j = (vector::borrow(all, j).weight_bps as u128);
                    if (!found || stake_j * best_weight < best_stake * weight_j) {
                        found = true;
                        best = j;
                        best_stake = stake_j;
                        best_weight = weight_j;
                    };
                };
                j = j + 1;
            };
            let room = *vector::borrow(&rooms, best);
            let take = if (remaining < room) { remaining } else { room };
            *vector::borrow_mut(&mut rooms, best) = 0;
            vector::push_back(&mut out_pools, vector::borrow(all, best).pool);
            vector::push_back(&mut out_amounts, take);
            remaining = remaining - take;
        };
        (out_pools, out_amounts)
    }

    /// Total APT the pools can take now (sum of `deposit_room`).
    public(package) fun deposit_capacity(): u64 acquires Pools {
        let protocol = config::protocol_address();
        let max_commission = config::max_commission_bps();
        let all = &borrow_global<Pools>(@kofi).pools;
        let total: u128 = 0;
        let i = 0;
        while (i < vector::length(all)) {
            total = total + (deposit_room(vector::borrow(all, i), protocol, max_commission) as u128);
            i = i + 1;
        };
        if (total > 18446744073709551615) { 18446744073709551615 } else { (total as u64) }
    }

    /// Most APT `pool` (index `i`) can take in a deposit now; see `deposit_room`.
    public(package) fun pool_deposit_room(i: u64): u64 acquires Pools {
        let cfg = vector::borrow(&borrow_global<Pools>(@kofi).pools, i);
        deposit_room(cfg, config::protocol_address(), config::max_commission_bps())
    }

    /// Unlocks `amount` across the pools in unlock order. Returns the pools, the part amounts, their lockup
    /// cycles and the latest lockup end. A part is `min(wanted, measured pending_inactive increase)` minus the
    /// measured loss: the drop of the protocol's whole stake in the pool plus its APT balance (share rounding,
    /// one octa or so on a topped-up unlock), so the requester bears the rounding and kAPT stays backed.
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
            let (active_before, inactive_before, pending_before) = delegation_pool::get_stake(pool, protocol);
            let balance_before = coin::balance<AptosCoin>(protocol);
            delegation_pool::unlock(&protocol_signer, pool, wanted);
            let balance_after = coin::balance<AptosCoin>(protocol);
            let (active_after, inactive_after, pending_after) = delegation_pool::get_stake(pool, protocol);
            let side_withdrawn = if (balance_after > balance_before) { balance_after - balance_before } else { 0 };
            add_idle(side_withdrawn);
            let unlocked = if (pending_after > pending_before) { pending_after - pending_before } else { 0 };
            let held_before = (active_before as u128) + (inactive_before as u128) + (pending_before as u128)
                + (balance_before as u128);
            let held_after = (active_after as u128) + (inactive_after as u128) + (pending_after as u128)
                + (balance_after as u128);
            let loss = if (held_before > held_after) { ((held_before - held_after) as u64) } else { 0 };
            // The requester bears the measured drift once: at most `wanted - loss` (kAPT stays backed), and at
            // most what the framework moved to pending_inactive (what a claim can later withdraw). Subtracting
            // `loss` from `min(unlocked, wanted)` instead charged the pending side's rounding twice.
            let backed = if (wanted > loss) { wanted - loss } else { 0 };
            let part = if (unlocked < backed) { unlocked } else { backed };
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
            let available = unlock_available(pool, protocol);
            if (available > 0) {
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

    /// Largest amount `plan_unlock` can unlock now: over the pools, what each can give above its minimums
    /// (the protocol's active stake less MIN_POOL_STAKE and one octa, at most the stake pool's own active stake
    /// less one octa: this epoch's pending_active deposits count only while that covers them), counting only
    /// pools where the framework's pending_inactive top-up fits. Every amount up to it can be requested.
    public(package) fun max_unlockable(): u64 acquires Pools {
        let protocol = config::protocol_address();
        let all = &borrow_global<Pools>(@kofi).pools;
        let total: u128 = 0;
        let i = 0;
        while (i < vector::length(all)) {
            let available = unlock_available(vector::borrow(all, i).pool, protocol);
            total = total + (available as u128);
            i = i + 1;
        };
        if (total > 18446744073709551615) { 18446744073709551615 } else { (total as u64) }
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

    /// Withdraws the withdrawable stake of every pool of the set into `idle_apt`; returns the measured total.
    public(package) fun sweep_all(): u64 acquires Pools {
        let n = pool_count();
        let total = 0;
        let i = 0;
        while (i < n) {
            let pool = vector::borrow(&borrow_global<Pools>(@kofi).pools, i).pool;
            total = total + withdraw_inactive(pool);
            i = i + 1;
        };
        total
    }

    /// Books ticket parts that have not matured yet (`OpenUnlocks`), merged per pool and lockup cycle.
    public(package) fun book_unlocks(pools: &vector<address>, amounts: &vector<u64>, olcs: &vector<u64>) acquires OpenUnlocks {
        let buckets = &mut borrow_global_mut<OpenUnlocks>(@kofi).buckets;
        let i = 0;
        while (i < vector::length(pools)) {
            let pool = *vector::borrow(pools, i);
            let olc = *vector::borrow(olcs, i);
            let amount = *vector::borrow(amounts, i);
            let (found, k) = find_bucket(buckets, pool, olc);
            if (found) {
                let b = vector::borrow_mut(buckets, k);
                b.amount = b.amount + amount;
            } else if (amount > 0) {
                vector::push_back(buckets, UnlockBucket { pool, olc, amount });
            };
            i = i + 1;
        };
    }

    /// Releases a claimed ticket part: from its open bucket if it is still there, else from the matured reserve.
    public(package) fun release_unlock(pool: address, olc: u64, amount: u64) acquires ClaimReserve, OpenUnlocks {
        let buckets = &mut borrow_global_mut<OpenUnlocks>(@kofi).buckets;
        let (found, k) = find_bucket(buckets, pool, olc);
        if (found) {
            let b = vector::borrow_mut(buckets, k);
            if (b.amount > amount) { b.amount = b.amount - amount; } else { vector::remove(buckets, k); };
        } else {
            let reserve = borrow_global_mut<ClaimReserve>(@kofi);
            reserve.reserved_apt = if (reserve.reserved_apt > amount) { reserve.reserved_apt - amount } else { 0 };
        };
    }

    /// Moves every open bucket whose pool has passed its lockup cycle into the matured reserve.
    public(package) fun fold_matured() acquires ClaimReserve, OpenUnlocks {
        let buckets = &mut borrow_global_mut<OpenUnlocks>(@kofi).buckets;
        let matured = 0;
        let i = 0;
        while (i < vector::length(buckets)) {
            let b = *vector::borrow(buckets, i);
            if (part_ready(b.pool, b.olc)) {
                matured = matured + b.amount;
                vector::remove(buckets, i);
            } else {
                i = i + 1;
            };
        };
        let reserve = borrow_global_mut<ClaimReserve>(@kofi);
        reserve.reserved_apt = reserve.reserved_apt + matured;
    }

    /// APT owed on matured, unclaimed tickets now (the reserve plus open buckets that have matured), and APT
    /// owed on tickets still in their lockup cycle.
    public(package) fun ticket_reserve(): (u64, u64) acquires ClaimReserve, OpenUnlocks {
        let matured = borrow_global<ClaimReserve>(@kofi).reserved_apt;
        let open = 0;
        let buckets = &borrow_global<OpenUnlocks>(@kofi).buckets;
        let i = 0;
        while (i < vector::length(buckets)) {
            let b = vector::borrow(buckets, i);
            if (part_ready(b.pool, b.olc)) { matured = matured + b.amount; } else { open = open + b.amount; };
            i = i + 1;
        };
        (matured, open)
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

    /// Controlled APT: the protocol's stake in every pool (active + inactive + pending_inactive) plus idle APT,
    /// plus evicted stake paid into the protocol account and not yet recovered (`recoverable_evicted`).
    public(package) fun controlled_apt(): u64 acquires Pools, EvictionLedger {
        let (pending, _) = recoverable_evicted();
        total_staked_apt() + borrow_global<Pools>(@kofi).idle_apt + pending
    }

    /// Recovers into `idle_apt` the APT an eviction paid into the protocol account (see `recoverable_evicted`)
    /// and records the protocol account's APT outside `idle_apt` anew; returns the amount recovered. Called first
    /// by every state-changing gateway entry (through `rewards::sync`), `rebalance` and `withdraw_inactive_stake`.
    /// Event `EvictionRecovered` when a pool is first seen evicted.
    public(package) fun recover_evicted(): u64 acquires Pools, EvictionLedger {
        let protocol = config::protocol_address();
        if (!exists<EvictionLedger>(protocol)) {
            // a package upgraded from a release without the ledger: what the account holds outside idle APT now
            // stays unbooked (an eviction before the upgrade is recovered by the admin, not here)
            let unbooked_apt = outside_idle(protocol);
            move_to(&config::protocol_signer(), EvictionLedger { unbooked_apt, evicted: vector::empty<address>() });
        };
        let (amount, newly) = recoverable_evicted();
        add_idle(amount);
        let ledger = borrow_global_mut<EvictionLedger>(protocol);
        ledger.unbooked_apt = outside_idle(protocol);
        if (!vector::is_empty(&newly)) {
            vector::append(&mut ledger.evicted, newly);
            event::emit(EvictionRecovered { pools: newly, amount });
        };
        amount
    }

    /// What `recover_evicted` would recover now, and the pools it would first see evicted. A pool of the set where
    /// the protocol's active stake is 0 was evicted (the protocol always keeps MIN_POOL_STAKE active, and only
    /// `delegation_pool::evict_delegator` unlocks a delegator's stake without its signature); that eviction's
    /// unlock first paid the protocol's inactive stake of a past lockup cycle into the protocol account. While
    /// such a pool is newly seen, the growth of the account's APT outside `idle_apt` since it was last measured is
    /// that payment (a balance delta: APT donated to the account alone is never counted, but APT donated between
    /// an eviction and the next protocol transaction is counted with it, as a gift to stakers). (0, none)
    /// otherwise.
    public(package) fun recoverable_evicted(): (u64, vector<address>) acquires Pools, EvictionLedger {
        let protocol = config::protocol_address();
        let newly = vector::empty<address>();
        if (!exists<EvictionLedger>(protocol)) return (0, newly);
        let ledger = borrow_global<EvictionLedger>(protocol);
        let all = &borrow_global<Pools>(@kofi).pools;
        let i = 0;
        while (i < vector::length(all)) {
            let pool = vector::borrow(all, i).pool;
            let (active, _, _) = delegation_pool::get_stake(pool, protocol);
            if (active == 0 && !vector::contains(&ledger.evicted, &pool)) { vector::push_back(&mut newly, pool); };
            i = i + 1;
        };
        if (vector::is_empty(&newly)) return (0, newly);
        let outside = outside_idle(protocol);
        let amount = if (outside > ledger.unbooked_apt) { outside - ledger.unbooked_apt } else { 0 };
        (amount, newly)
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

    /// The protocol's own APT (pool seeds, as staked: the seed less the add-stake fee), less the fees `rebalance`
    /// paid from it.
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

    /// Operator commission of `pool` from the next lockup cycle, in bps.
    public(package) fun next_commission_bps(pool: address): u64 {
        delegation_pool::operator_commission_percentage_next_lockup_cycle(pool)
    }

    /// Whether the protocol may add stake to `pool` (allowlisting off, or the protocol allowlisted).
    public(package) fun allowlisted(pool: address): bool {
        delegation_pool::delegator_allowlisted(pool, config::protocol_address())
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

    /// The protocol account's APT balance less `idle_apt` (0 when below).
    fun outside_idle(protocol: address): u64 acquires Pools {
        let balance = coin::balance<AptosCoin>(protocol);
        let idle = borrow_global<Pools>(@kofi).idle_apt;
        if (balance > idle) { balance - idle } else { 0 }
    }

    /// The framework's add-stake fee for delegating `amount` along `plan_deposit(amount)`, plus one octa of share
    /// rounding per pool: the most controlled APT that delegation can cost.
    fun quote_delegation_cost(amount: u64): u64 acquires Pools {
        let (pools, amounts) = plan_deposit(amount);
        let cost = 0;
        let i = 0;
        while (i < vector::length(&pools)) {
            cost = cost + delegation_pool::get_add_stake_fee(*vector::borrow(&pools, i), *vector::borrow(&amounts, i)) + 1;
            i = i + 1;
        };
        cost
    }

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

    /// Most APT the protocol can add to `cfg`'s pool now without the deposit aborting or breaking a guard; 0 when
    /// the pool is not eligible. Eligible: enabled, weight > 0, an active validator, the protocol allowlisted
    /// (`delegation_pool::delegator_allowlisted`, true when allowlisting is off), the operator commission now and
    /// at the next lockup cycle at most `max_commission`, and the protocol's active stake there at least
    /// MIN_POOL_STAKE (an evicted or drained pool takes nothing: `add_stake` needs 10 APT active after it). The
    /// room is the smaller of the cap room (`cap - active`) and the stake pool's room under the framework's
    /// maximum stake (`maximum_stake - (active + pending_active + pending_inactive)`, `stake::ESTAKE_EXCEEDS_MAX`).
    fun deposit_room(cfg: &PoolConfig, protocol: address, max_commission: u64): u64 {
        if (!cfg.enabled || cfg.weight_bps == 0) return 0;
        let pool = cfg.pool;
        if (stake::get_validator_state(pool) != VALIDATOR_STATUS_ACTIVE) return 0;
        if (!delegation_pool::delegator_allowlisted(pool, protocol)) return 0;
        if (delegation_pool::operator_commission_percentage(pool) > max_commission) return 0;
        if (delegation_pool::operator_commission_percentage_next_lockup_cycle(pool) > max_commission) return 0;
        let (active, _, _) = delegation_pool::get_stake(pool, protocol);
        if (active < MIN_POOL_STAKE) return 0;
        let cap_room = if (cfg.cap > active) { cfg.cap - active } else { 0 };
        let (_, maximum_stake) = staking_config::get_required_stake(&staking_config::get());
        let (pool_active, _, pool_pending_active, pool_pending_inactive) = stake::get_stake(pool);
        let next_power = (pool_active as u128) + (pool_pending_active as u128) + (pool_pending_inactive as u128);
        let max_room = if ((maximum_stake as u128) > next_power) { (((maximum_stake as u128) - next_power) as u64) } else { 0 };
        if (cap_room < max_room) { cap_room } else { max_room }
    }

    /// What `pool` can unlock now for the protocol (0 when the framework's pending_inactive top-up does not fit).
    fun unlock_available(pool: address, protocol: address): u64 {
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
        if (available >= floor) { available } else { 0 }
    }

    fun find_bucket(buckets: &vector<UnlockBucket>, pool: address, olc: u64): (bool, u64) {
        let i = 0;
        while (i < vector::length(buckets)) {
            let b = vector::borrow(buckets, i);
            if (b.pool == pool && b.olc == olc) return (true, i);
            i = i + 1;
        };
        (false, 0)
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
