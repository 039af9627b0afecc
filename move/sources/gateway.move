/// User entry points, the vault seed, and every view the SDK reads. Each state-changing entry books pending
/// rewards (`rewards::sync`) first.
module kofi::gateway {
    use std::error;
    use std::signer;
    use std::vector;
    use aptos_framework::aptos_account;
    use aptos_framework::aptos_coin::AptosCoin;
    use aptos_framework::block;
    use aptos_framework::coin;
    use aptos_framework::event;
    use aptos_framework::fungible_asset::Metadata;
    use aptos_framework::object::Object;
    use aptos_framework::timestamp;
    use kofi::config;
    use kofi::kapt;
    use kofi::rewards;
    use kofi::staking_manager;
    use kofi::stkapt;
    use kofi::vault;
    use kofi::withdrawals;

    /// The amount must be greater than zero.
    const E_ZERO_AMOUNT: u64 = 1;
    /// The deposit is below the configured minimum.
    const E_BELOW_MIN_DEPOSIT: u64 = 2;
    /// The output would be below the caller's min_out.
    const E_SLIPPAGE: u64 = 3;
    /// The withdrawal is below the configured minimum.
    const E_BELOW_MIN_WITHDRAWAL: u64 = 4;

    /// Protocol-wide figures for dashboards.
    struct ProtocolState has copy, drop, store {
        total_staked_apt: u64,
        kapt_supply: u64,
        stkapt_supply: u64,
        vault_kapt: u64,
        streaming_kapt: u64,
        stream_amount: u64,
        stream_start: u64,
        stream_end: u64,
        rate_numerator: u128,
        rate_denominator: u128,
        fee_bps: u64,
        max_fee_bps: u64,
        treasury: address,
        admin: address,
        paused_deposit: bool,
        paused_stake: bool,
        paused_unstake: bool,
        paused_withdraw: bool,
        lockup_duration_secs: u64,
        epoch_interval_secs: u64,
        ticket_liabilities: u64,
        idle_apt: u64,
        protocol_equity: u64,
        min_deposit: u64,
        min_withdrawal: u64,
        now_secs: u64,
        validators: vector<ValidatorInfo>,
        max_commission_bps: u64,
        max_withdrawal_kapt: u64,
        deposit_capacity_apt: u64,
        matured_ticket_apt: u64,
        apr: AprInfo,
    }

    /// The protocol's APR over a trailing window kept on chain (`rewards::apr`). `enough_history` false means
    /// "not enough history yet" (a fresh chain: under a day of syncs), and then both APRs read 0 and must not
    /// be shown as a yield. `apr_ppm`: the yield on the protocol's principal after validator commission and the
    /// protocol fee, parts per million (63000 = 6.3 %); `gross_apr_ppm` before the protocol fee;
    /// `stkapt_apr_ppm`: what stkAPT holders earn at the current split (all net rewards go to the vault, so
    /// `apr_ppm * liabilities / vault kAPT`; 0 while the vault holds nothing). The window is
    /// [`window_start`, `window_start + window_secs`]: `window_rewards` (booked plus accrued, gross) were earned
    /// on `principal_secs` (APT-octa-seconds).
    struct AprInfo has copy, drop, store {
        enough_history: bool,
        apr_ppm: u64,
        gross_apr_ppm: u64,
        stkapt_apr_ppm: u64,
        window_start: u64,
        window_secs: u64,
        window_rewards: u64,
        principal_secs: u128,
    }

    /// One pool of the validator set with the protocol's stake in it.
    struct ValidatorInfo has copy, drop, store {
        pool: address,
        weight_bps: u64,
        cap: u64,
        enabled: bool,
        active: u64,
        pending_inactive: u64,
        inactive: u64,
        validator_active: bool,
        commission_bps: u64,
        lockup_ends_at: u64,
        next_commission_bps: u64,
        deposit_room: u64,
        allowlisted: bool,
    }

    /// One account's balances and tickets.
    struct UserSummary has copy, drop, store {
        apt_balance: u64,
        kapt_balance: u64,
        stkapt_balance: u64,
        stkapt_value_kapt: u64,
        tickets: vector<TicketInfo>,
        now_secs: u64,
    }

    /// One withdrawal ticket.
    struct TicketInfo has copy, drop, store {
        id: address,
        owner: address,
        kapt_burned: u64,
        apt_amount: u64,
        requested_at: u64,
        unlock_at: u64,
        ready: bool,
        pools: vector<address>,
    }

    #[event]
    /// APT was deposited and staked; kAPT minted equals the measured active-stake increase.
    struct Deposited has drop, store {
        user: address,
        pool: address,
        apt_amount: u64,
        fee: u64,
        kapt_minted: u64,
    }

    // ---------------------------------------------------------------- user entries

    /// Deposits `apt_amount` APT and mints kAPT (the measured active-stake increase) to the caller.
    public entry fun deposit(user: &signer, apt_amount: u64, min_kapt_out: u64) {
        rewards::sync();
        assert!(apt_amount > 0, error::invalid_argument(E_ZERO_AMOUNT));
        config::assert_not_paused(config::action_deposit());
        assert!(apt_amount >= config::min_deposit(), error::invalid_argument(E_BELOW_MIN_DEPOSIT));
        let user_addr = signer::address_of(user);
        let (pool, kapt_minted) = stake_apt(user, apt_amount);
        assert!(kapt_minted >= min_kapt_out, error::invalid_argument(E_SLIPPAGE));
        kapt::mint_to(user_addr, kapt_minted);
        event::emit(Deposited { user: user_addr, pool, apt_amount, fee: apt_amount - kapt_minted, kapt_minted });
    }

    /// Deposits `apt_amount` APT and stakes the minted kAPT in the vault; stkAPT goes to the caller.
    public entry fun deposit_and_stake(user: &signer, apt_amount: u64, min_stkapt_out: u64) {
        rewards::sync();
        assert!(apt_amount > 0, error::invalid_argument(E_ZERO_AMOUNT));
        config::assert_not_paused(config::action_deposit());
        config::assert_not_paused(config::action_stake());
        assert!(apt_amount >= config::min_deposit(), error::invalid_argument(E_BELOW_MIN_DEPOSIT));
        vault::assert_seeded();
        let user_addr = signer::address_of(user);
        let (pool, kapt_minted) = stake_apt(user, apt_amount);
        kapt::mint_to(config::protocol_address(), kapt_minted);
        event::emit(Deposited { user: user_addr, pool, apt_amount, fee: apt_amount - kapt_minted, kapt_minted });
        let shares = vault::stake_minted(user_addr, kapt_minted);
        assert!(shares >= min_stkapt_out, error::invalid_argument(E_SLIPPAGE));
    }

    /// Stakes `kapt_amount` kAPT in the vault for stkAPT.
    public entry fun stake(user: &signer, kapt_amount: u64, min_stkapt_out: u64) {
        rewards::sync();
        config::assert_not_paused(config::action_stake());
        assert!(kapt_amount > 0, error::invalid_argument(E_ZERO_AMOUNT));
        vault::assert_seeded();
        let shares = vault::stake_from(user, kapt_amount);
        assert!(shares >= min_stkapt_out, error::invalid_argument(E_SLIPPAGE));
    }

    /// Redeems `stkapt_amount` stkAPT for kAPT.
    public entry fun unstake(user: &signer, stkapt_amount: u64, min_kapt_out: u64) {
        rewards::sync();
        config::assert_not_paused(config::action_unstake());
        assert!(stkapt_amount > 0, error::invalid_argument(E_ZERO_AMOUNT));
        let kapt_amount = vault::unstake(user, stkapt_amount);
        assert!(kapt_amount >= min_kapt_out, error::invalid_argument(E_SLIPPAGE));
    }

    /// Burns `kapt_amount` kAPT, unlocks the stake and creates a withdrawal ticket owned by the caller.
    public entry fun request_withdrawal(user: &signer, kapt_amount: u64) {
        rewards::sync();
        config::assert_not_paused(config::action_withdraw());
        assert!(kapt_amount > 0, error::invalid_argument(E_ZERO_AMOUNT));
        assert!(kapt_amount >= config::min_withdrawal(), error::invalid_argument(E_BELOW_MIN_WITHDRAWAL));
        withdrawals::request(user, kapt_amount);
    }

    /// Redeems `stkapt_amount` stkAPT, then requests the withdrawal of the kAPT received.
    public entry fun unstake_and_request_withdrawal(user: &signer, stkapt_amount: u64, min_kapt_out: u64) {
        rewards::sync();
        config::assert_not_paused(config::action_unstake());
        config::assert_not_paused(config::action_withdraw());
        assert!(stkapt_amount > 0, error::invalid_argument(E_ZERO_AMOUNT));
        let kapt_amount = vault::unstake(user, stkapt_amount);
        assert!(kapt_amount >= min_kapt_out, error::invalid_argument(E_SLIPPAGE));
        assert!(kapt_amount >= config::min_withdrawal(), error::invalid_argument(E_BELOW_MIN_WITHDRAWAL));
        withdrawals::request(user, kapt_amount);
    }

    /// Claims ready tickets of the caller and pays their APT. Never paused.
    public entry fun claim(user: &signer, tickets: vector<address>) {
        rewards::sync();
        withdrawals::claim(user, tickets);
    }

    /// Transfers a ticket of the caller to `to`.
    public entry fun transfer_ticket(user: &signer, ticket: address, to: address) {
        rewards::sync();
        withdrawals::transfer(user, ticket, to);
    }

    // ---------------------------------------------------------------- admin entry

    /// Admin: deposits `apt_amount` APT like `deposit` and stakes the kAPT as dead shares held by nobody.
    public entry fun seed_vault(admin: &signer, apt_amount: u64) {
        rewards::sync();
        config::assert_admin(admin);
        vault::assert_can_seed(apt_amount);
        let (pool, kapt_minted) = stake_apt(admin, apt_amount);
        kapt::mint_to(config::protocol_address(), kapt_minted);
        event::emit(Deposited {
            user: signer::address_of(admin),
            pool,
            apt_amount,
            fee: apt_amount - kapt_minted,
            kapt_minted,
        });
        vault::seed(kapt_minted);
    }

    // ---------------------------------------------------------------- views

    #[view]
    /// Fee and kAPT out for depositing `apt` now (summed over the pools of `quote_deposit_split`).
    public fun quote_deposit(apt: u64): (u64, u64) {
        let (_, _, fees) = quote_deposit_split(apt);
        let fee = 0;
        let i = 0;
        while (i < vector::length(&fees)) {
            fee = fee + *vector::borrow(&fees, i);
            i = i + 1;
        };
        if (fee > apt) { fee = apt; };
        (fee, apt - fee)
    }

    #[view]
    /// How a deposit of `apt` now is split: the pools, the APT each takes and each part's add-stake fee, in the
    /// order they are staked. One pool unless the most under-weight eligible pool cannot take it all. Aborts like
    /// `deposit`: `E_ZERO_AMOUNT`, `E_BELOW_MIN_DEPOSIT`, `staking_manager::E_NO_ELIGIBLE_POOL`,
    /// `staking_manager::E_INSUFFICIENT_CAPACITY`.
    public fun quote_deposit_split(apt: u64): (vector<address>, vector<u64>, vector<u64>) {
        assert!(apt > 0, error::invalid_argument(E_ZERO_AMOUNT));
        assert!(apt >= config::min_deposit(), error::invalid_argument(E_BELOW_MIN_DEPOSIT));
        let (pools, amounts) = staking_manager::plan_deposit(apt);
        let fees = vector::empty<u64>();
        let i = 0;
        while (i < vector::length(&pools)) {
            let part = *vector::borrow(&amounts, i);
            let fee = staking_manager::quote_add_stake_fee(*vector::borrow(&pools, i), part);
            vector::push_back(&mut fees, if (fee > part) { part } else { fee });
            i = i + 1;
        };
        (pools, amounts, fees)
    }

    #[view]
    /// Largest kAPT amount `request_withdrawal` accepts now: what the pools can unlock above their minimums
    /// (`staking_manager::max_unlockable`: 10 APT kept per pool, this epoch's pending_active excluded, pools
    /// whose pending_inactive top-up does not fit skipped). Larger requests abort `E_INSUFFICIENT_UNLOCKABLE`.
    public fun max_withdrawal(): u64 {
        staking_manager::max_unlockable()
    }

    #[view]
    /// Total APT the pools can take in deposits now (caps, stake limits, allowlists, commission limit).
    public fun deposit_capacity(): u64 {
        staking_manager::deposit_capacity()
    }

    #[view]
    /// The protocol's APR over the trailing window (see `AprInfo`); also in `protocol_state`.
    public fun apr(): AprInfo {
        apr_at(timestamp::now_seconds())
    }

    #[view]
    /// Fee, kAPT and stkAPT out for `deposit_and_stake` of `apt` now.
    public fun quote_deposit_and_stake(apt: u64): (u64, u64, u64) {
        let (fee, kapt_out) = quote_deposit(apt);
        let stkapt_out = vault::quote_stake(kapt_out, timestamp::now_seconds());
        (fee, kapt_out, stkapt_out)
    }

    #[view]
    /// stkAPT out for staking `kapt` now.
    public fun quote_stake(kapt: u64): u64 {
        assert!(kapt > 0, error::invalid_argument(E_ZERO_AMOUNT));
        vault::quote_stake(kapt, timestamp::now_seconds())
    }

    #[view]
    /// kAPT out for unstaking `stkapt` now.
    public fun quote_unstake(stkapt: u64): u64 {
        assert!(stkapt > 0, error::invalid_argument(E_ZERO_AMOUNT));
        vault::quote_unstake(stkapt, timestamp::now_seconds())
    }

    #[view]
    /// APT owed and estimated unlock time for a withdrawal of `kapt` now.
    public fun quote_request_withdrawal(kapt: u64): (u64, u64) {
        assert!(kapt > 0, error::invalid_argument(E_ZERO_AMOUNT));
        assert!(kapt >= config::min_withdrawal(), error::invalid_argument(E_BELOW_MIN_WITHDRAWAL));
        plan_withdrawal(kapt)
    }

    #[view]
    /// kAPT, APT owed and estimated unlock time for `unstake_and_request_withdrawal` of `stkapt` now.
    public fun quote_unstake_and_request_withdrawal(stkapt: u64): (u64, u64, u64) {
        assert!(stkapt > 0, error::invalid_argument(E_ZERO_AMOUNT));
        let kapt_out = vault::quote_unstake(stkapt, timestamp::now_seconds());
        assert!(kapt_out >= config::min_withdrawal(), error::invalid_argument(E_BELOW_MIN_WITHDRAWAL));
        let (apt, unlock_at) = plan_withdrawal(kapt_out);
        (kapt_out, apt, unlock_at)
    }

    #[view]
    /// APT a claim of `tickets` by `owner` would pay, and whether all of them are ready.
    public fun quote_claim(owner: address, tickets: vector<address>): (u64, bool) {
        withdrawals::quote_claim(owner, tickets)
    }

    #[view]
    /// kAPT per stkAPT as a fraction (numerator, denominator).
    public fun exchange_rate(): (u128, u128) {
        vault::exchange_rate(timestamp::now_seconds())
    }

    #[view]
    /// Protocol-wide figures, including every pool of the validator set.
    public fun protocol_state(): ProtocolState {
        let now = timestamp::now_seconds();
        let (rate_numerator, rate_denominator) = vault::exchange_rate(now);
        let validators = vector::empty<ValidatorInfo>();
        let (matured, _) = staking_manager::ticket_reserve();
        let n = staking_manager::pool_count();
        let i = 0;
        while (i < n) {
            let (pool, weight_bps, cap, enabled) = staking_manager::pool_at(i);
            let (active, inactive, pending_inactive) = staking_manager::pool_stake(pool);
            vector::push_back(&mut validators, ValidatorInfo {
                pool,
                weight_bps,
                cap,
                enabled,
                active,
                pending_inactive,
                inactive,
                validator_active: staking_manager::validator_active(pool),
                commission_bps: staking_manager::commission_bps(pool),
                lockup_ends_at: staking_manager::lockup_secs(pool),
                next_commission_bps: staking_manager::next_commission_bps(pool),
                deposit_room: staking_manager::pool_deposit_room(i),
                allowlisted: staking_manager::allowlisted(pool),
            });
            i = i + 1;
        };
        ProtocolState {
            total_staked_apt: staking_manager::total_staked_apt(),
            kapt_supply: kapt::supply(),
            stkapt_supply: stkapt::supply(),
            vault_kapt: vault::assets(now),
            streaming_kapt: vault::streaming(now),
            stream_amount: vault::stream_amount(),
            stream_start: vault::stream_start(),
            stream_end: vault::stream_end(),
            rate_numerator,
            rate_denominator,
            fee_bps: config::fee_bps(),
            max_fee_bps: config::max_fee_bps(),
            treasury: config::treasury(),
            admin: config::admin(),
            paused_deposit: config::is_paused(config::action_deposit()),
            paused_stake: config::is_paused(config::action_stake()),
            paused_unstake: config::is_paused(config::action_unstake()),
            paused_withdraw: config::is_paused(config::action_withdraw()),
            lockup_duration_secs: staking_manager::lockup_duration_secs(),
            epoch_interval_secs: block::get_epoch_interval_secs(),
            ticket_liabilities: withdrawals::liabilities(),
            idle_apt: staking_manager::idle_apt(),
            protocol_equity: staking_manager::protocol_equity(),
            min_deposit: config::min_deposit(),
            min_withdrawal: config::min_withdrawal(),
            now_secs: now,
            validators,
            max_commission_bps: config::max_commission_bps(),
            max_withdrawal_kapt: staking_manager::max_unlockable(),
            deposit_capacity_apt: staking_manager::deposit_capacity(),
            matured_ticket_apt: matured,
            apr: apr_at(now),
        }
    }

    #[view]
    /// Balances, stkAPT value and tickets of `addr`.
    public fun user_summary(addr: address): UserSummary {
        let now = timestamp::now_seconds();
        let stkapt_balance = stkapt::balance(addr);
        let ids = withdrawals::tickets_of(addr);
        let tickets = vector::empty<TicketInfo>();
        let i = 0;
        while (i < vector::length(&ids)) {
            vector::push_back(&mut tickets, ticket_info(*vector::borrow(&ids, i)));
            i = i + 1;
        };
        UserSummary {
            apt_balance: coin::balance<AptosCoin>(addr),
            kapt_balance: kapt::balance(addr),
            stkapt_balance,
            stkapt_value_kapt: vault::shares_to_kapt(stkapt_balance, now),
            tickets,
            now_secs: now,
        }
    }

    #[view]
    /// One ticket; aborts `withdrawals::E_TICKET_NOT_FOUND` when there is none at `ticket`.
    public fun ticket_info(ticket: address): TicketInfo {
        let (owner, kapt_burned, apt_amount, requested_at, unlock_at, ready, pools) = withdrawals::ticket_view(ticket);
        TicketInfo { id: ticket, owner, kapt_burned, apt_amount, requested_at, unlock_at, ready, pools }
    }

    #[view]
    /// The kAPT fungible-asset metadata.
    public fun kapt_metadata(): Object<Metadata> {
        kapt::metadata()
    }

    #[view]
    /// The stkAPT fungible-asset metadata.
    public fun stkapt_metadata(): Object<Metadata> {
        stkapt::metadata()
    }

    // ---------------------------------------------------------------- internals

    /// Moves `apt_amount` APT from `from` to the protocol account and delegates it along
    /// `staking_manager::plan_deposit` (planned first, so a deposit the pools cannot take aborts before any
    /// transfer); returns (first pool, kAPT to mint).
    fun stake_apt(from: &signer, apt_amount: u64): (address, u64) {
        staking_manager::plan_deposit(apt_amount);
        aptos_account::transfer(from, config::protocol_address(), apt_amount);
        let (pools, staked) = staking_manager::delegate(apt_amount);
        // never mint more kAPT than APT came in
        let kapt_minted = if (staked > apt_amount) { apt_amount } else { staked };
        (*vector::borrow(&pools, 0), kapt_minted)
    }

    fun apr_at(now: u64): AprInfo {
        let (enough_history, apr_ppm, gross_apr_ppm, window_start, window_secs, window_rewards, principal_secs) =
            rewards::apr(now);
        let vault_kapt = (vault::assets(now) as u128) + (vault::streaming(now) as u128);
        let principal = (kapt::supply() as u128) + (withdrawals::liabilities() as u128)
            + (staking_manager::protocol_equity() as u128);
        let stkapt = if (vault_kapt == 0 || !enough_history) { 0 } else {
            let x = (apr_ppm as u128) * principal / vault_kapt;
            if (x > 18446744073709551615) { 18446744073709551615 } else { (x as u64) }
        };
        AprInfo {
            enough_history,
            apr_ppm,
            gross_apr_ppm,
            stkapt_apr_ppm: stkapt,
            window_start,
            window_secs,
            window_rewards,
            principal_secs,
        }
    }

    fun plan_withdrawal(kapt_amount: u64): (u64, u64) {
        let (pools, amounts) = staking_manager::plan_unlock(kapt_amount);
        let apt = 0;
        let i = 0;
        while (i < vector::length(&amounts)) {
            apt = apt + *vector::borrow(&amounts, i);
            i = i + 1;
        };
        (apt, staking_manager::max_lockup_secs(&pools))
    }

    #[test_only]
    /// The reward stream fields of a `ProtocolState` for tests: (streaming_kapt, stream_amount, stream_start,
    /// stream_end, now_secs).
    public fun stream_of_state_for_test(s: &ProtocolState): (u64, u64, u64, u64, u64) {
        (s.streaming_kapt, s.stream_amount, s.stream_start, s.stream_end, s.now_secs)
    }

    #[test_only]
    /// Initialises every module of the package in unit tests, in dependency order.
    public fun init_for_test(kofi: &signer) {
        config::init_for_test(kofi);
        kapt::init_for_test(kofi);
        stkapt::init_for_test(kofi);
        staking_manager::init_for_test(kofi);
        vault::init_for_test(kofi);
        withdrawals::init_for_test(kofi);
        rewards::init_for_test(kofi);
    }
}
