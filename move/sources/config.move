/// Protocol configuration: admin (two-step transfer), treasury, reward fee, minimum amounts and pause flags.
/// Also creates and holds the protocol account (the delegator) that owns all stake and the vault store.
module kofi::config {
    use std::error;
    use std::option::{Self, Option};
    use std::signer;
    use std::vector;
    use aptos_framework::account::{Self, SignerCapability};
    use aptos_framework::aptos_coin::AptosCoin;
    use aptos_framework::coin;
    use aptos_framework::event;

    /// The caller is not the protocol admin.
    const E_NOT_ADMIN: u64 = 1;
    /// The caller is not the pending admin (or no transfer is pending).
    const E_NOT_PENDING_ADMIN: u64 = 2;
    /// The protocol fee exceeds the hard cap MAX_FEE_BPS.
    const E_FEE_TOO_HIGH: u64 = 3;
    /// This action is paused by the admin.
    const E_PAUSED: u64 = 4;
    /// Unknown pausable action id.
    const E_INVALID_ACTION: u64 = 5;
    /// A configuration value is outside the bounds fixed in code.
    const E_OUT_OF_BOUNDS: u64 = 6;

    /// Hard cap on the protocol fee: 20 % of rewards.
    const MAX_FEE_BPS: u64 = 2000;
    /// Protocol fee set at initialisation: 10 % of rewards.
    const DEFAULT_FEE_BPS: u64 = 1000;
    /// Minimum deposit set at initialisation (0.1 APT).
    const DEFAULT_MIN_DEPOSIT: u64 = 10000000;
    /// Minimum withdrawal set at initialisation (0.1 APT).
    const DEFAULT_MIN_WITHDRAWAL: u64 = 10000000;
    /// Lowest value either minimum can be set to.
    const MIN_AMOUNT_FLOOR: u64 = 1000;
    /// Highest value either minimum can be set to.
    const MIN_AMOUNT_CEIL: u64 = 100000000000;
    /// Pausable action id: deposits (APT -> kAPT).
    const ACTION_DEPOSIT: u8 = 0;
    /// Pausable action id: staking (kAPT -> stkAPT).
    const ACTION_STAKE: u8 = 1;
    /// Pausable action id: unstaking (stkAPT -> kAPT).
    const ACTION_UNSTAKE: u8 = 2;
    /// Pausable action id: withdrawal requests (kAPT -> ticket).
    const ACTION_WITHDRAW: u8 = 3;
    /// Number of pausable actions.
    const NUM_ACTIONS: u64 = 4;
    /// Seed of the protocol (delegator) resource account.
    const STAKE_ACCOUNT_SEED: vector<u8> = b"kofi::stake_account";
    /// `LimitChanged.limit` value for the minimum deposit.
    const LIMIT_MIN_DEPOSIT: u8 = 0;
    /// `LimitChanged.limit` value for the minimum withdrawal.
    const LIMIT_MIN_WITHDRAWAL: u8 = 1;
    /// Largest operator commission the framework allows (100 %, in hundredths of a percent): no limit.
    const MAX_COMMISSION_BPS_CEIL: u64 = 10000;

    /// Protocol-wide settings, stored at `@kofi`.
    struct Config has key {
        admin: address,
        pending_admin: Option<address>,
        treasury: address,
        fee_bps: u64,
        min_deposit: u64,
        min_withdrawal: u64,
        paused: vector<bool>,
    }

    /// The protocol account's signer capability and address, stored at `@kofi`.
    struct StakeAccount has key {
        signer_cap: SignerCapability,
        addr: address,
    }

    /// Pool selection guard, stored at `@kofi`: a pool whose operator commission (now or at the next lockup
    /// cycle) exceeds `max_commission_bps` receives no deposits. 10000 (100 %) means no limit.
    struct SelectionLimits has key {
        max_commission_bps: u64,
    }

    #[event]
    /// The maximum operator commission of pools that receive deposits changed.
    struct MaxCommissionChanged has drop, store {
        old_max_commission_bps: u64,
        new_max_commission_bps: u64,
    }

    #[event]
    /// Step one of an admin transfer.
    struct AdminTransferStarted has drop, store {
        admin: address,
        pending_admin: address,
    }

    #[event]
    /// Step two of an admin transfer: the pending admin accepted.
    struct AdminTransferred has drop, store {
        old_admin: address,
        new_admin: address,
    }

    #[event]
    /// A pause flag changed.
    struct PauseChanged has drop, store {
        action: u8,
        paused: bool,
    }

    #[event]
    /// The protocol fee changed.
    struct FeeChanged has drop, store {
        old_fee_bps: u64,
        new_fee_bps: u64,
    }

    #[event]
    /// The treasury changed.
    struct TreasuryChanged has drop, store {
        old_treasury: address,
        new_treasury: address,
    }

    #[event]
    /// A minimum amount changed (limit 0: deposit, 1: withdrawal).
    struct LimitChanged has drop, store {
        limit: u8,
        old_value: u64,
        new_value: u64,
    }

    fun init_module(kofi: &signer) {
        let (protocol_signer, signer_cap) = account::create_resource_account(kofi, STAKE_ACCOUNT_SEED);
        let addr = signer::address_of(&protocol_signer);
        if (!coin::is_account_registered<AptosCoin>(addr)) {
            coin::register<AptosCoin>(&protocol_signer);
        };
        move_to(kofi, StakeAccount { signer_cap, addr });
        let paused = vector::empty<bool>();
        let i = 0;
        while (i < NUM_ACTIONS) {
            vector::push_back(&mut paused, false);
            i = i + 1;
        };
        let kofi_addr = signer::address_of(kofi);
        move_to(kofi, Config {
            admin: kofi_addr,
            pending_admin: option::none(),
            treasury: kofi_addr,
            fee_bps: DEFAULT_FEE_BPS,
            min_deposit: DEFAULT_MIN_DEPOSIT,
            min_withdrawal: DEFAULT_MIN_WITHDRAWAL,
            paused,
        });
        move_to(kofi, SelectionLimits { max_commission_bps: MAX_COMMISSION_BPS_CEIL });
    }

    // ---------------------------------------------------------------- admin entries

    /// Step one of the two-step admin transfer: names `new_admin` as pending admin.
    public entry fun transfer_admin(admin: &signer, new_admin: address) acquires Config {
        assert_admin(admin);
        let config = borrow_global_mut<Config>(@kofi);
        config.pending_admin = option::some(new_admin);
        event::emit(AdminTransferStarted { admin: config.admin, pending_admin: new_admin });
    }

    /// Step two of the two-step admin transfer, signed by the pending admin.
    public entry fun accept_admin(pending_admin: &signer) acquires Config {
        let caller = signer::address_of(pending_admin);
        let config = borrow_global_mut<Config>(@kofi);
        assert!(
            option::is_some(&config.pending_admin) && *option::borrow(&config.pending_admin) == caller,
            error::permission_denied(E_NOT_PENDING_ADMIN)
        );
        let old_admin = config.admin;
        config.admin = caller;
        config.pending_admin = option::none();
        event::emit(AdminTransferred { old_admin, new_admin: caller });
    }

    /// Pauses or unpauses one action (ACTION_DEPOSIT, ACTION_STAKE, ACTION_UNSTAKE, ACTION_WITHDRAW).
    public entry fun set_paused(admin: &signer, action: u8, paused: bool) acquires Config {
        assert_admin(admin);
        assert!((action as u64) < NUM_ACTIONS, error::invalid_argument(E_INVALID_ACTION));
        let config = borrow_global_mut<Config>(@kofi);
        *vector::borrow_mut(&mut config.paused, (action as u64)) = paused;
        event::emit(PauseChanged { action, paused });
    }

    /// Sets the protocol fee on rewards, at most MAX_FEE_BPS.
    public entry fun set_fee_bps(admin: &signer, fee_bps: u64) acquires Config {
        assert_admin(admin);
        assert!(fee_bps <= MAX_FEE_BPS, error::invalid_argument(E_FEE_TOO_HIGH));
        let config = borrow_global_mut<Config>(@kofi);
        let old_fee_bps = config.fee_bps;
        config.fee_bps = fee_bps;
        event::emit(FeeChanged { old_fee_bps, new_fee_bps: fee_bps });
    }

    /// Sets the treasury that receives the protocol fee.
    public entry fun set_treasury(admin: &signer, treasury: address) acquires Config {
        assert_admin(admin);
        let config = borrow_global_mut<Config>(@kofi);
        let old_treasury = config.treasury;
        config.treasury = treasury;
        event::emit(TreasuryChanged { old_treasury, new_treasury: treasury });
    }

    /// Sets the minimum deposit, within [MIN_AMOUNT_FLOOR, MIN_AMOUNT_CEIL].
    public entry fun set_min_deposit(admin: &signer, amount: u64) acquires Config {
        assert_admin(admin);
        assert_in_bounds(amount);
        let config = borrow_global_mut<Config>(@kofi);
        let old_value = config.min_deposit;
        config.min_deposit = amount;
        event::emit(LimitChanged { limit: LIMIT_MIN_DEPOSIT, old_value, new_value: amount });
    }

    /// Sets the minimum withdrawal, within [MIN_AMOUNT_FLOOR, MIN_AMOUNT_CEIL].
    public entry fun set_min_withdrawal(admin: &signer, amount: u64) acquires Config {
        assert_admin(admin);
        assert_in_bounds(amount);
        let config = borrow_global_mut<Config>(@kofi);
        let old_value = config.min_withdrawal;
        config.min_withdrawal = amount;
        event::emit(LimitChanged { limit: LIMIT_MIN_WITHDRAWAL, old_value, new_value: amount });
    }

    /// Sets the largest operator commission (bps, the framework's hundredths of a percent) of a pool that still
    /// receives deposits; checked against the commission now and at the next lockup cycle. At most 10000.
    public entry fun set_max_commission_bps(admin: &signer, max_commission_bps: u64) acquires Config, SelectionLimits {
        assert_admin(admin);
        assert!(max_commission_bps <= MAX_COMMISSION_BPS_CEIL, error::invalid_argument(E_OUT_OF_BOUNDS));
        let old_max_commission_bps = max_commission_bps();
        borrow_global_mut<SelectionLimits>(@kofi).max_commission_bps = max_commission_bps;
        event::emit(MaxCommissionChanged { old_max_commission_bps, new_max_commission_bps: max_commission_bps });
    }

    fun assert_in_bounds(amount: u64) {
        assert!(amount >= MIN_AMOUNT_FLOOR && amount <= MIN_AMOUNT_CEIL, error::invalid_argument(E_OUT_OF_BOUNDS));
    }

    // ---------------------------------------------------------------- package helpers

    /// Aborts with E_NOT_ADMIN unless `account` is the admin.
    public(package) fun assert_admin(account: &signer) acquires Config {
        assert!(signer::address_of(account) == borrow_global<Config>(@kofi).admin, error::permission_denied(E_NOT_ADMIN));
    }

    /// Aborts with E_PAUSED when `action` is paused.
    public(package) fun assert_not_paused(action: u8) acquires Config {
        assert!(!is_paused(action), error::invalid_state(E_PAUSED));
    }

    /// Whether `action` is paused.
    public(package) fun is_paused(action: u8): bool acquires Config {
        *vector::borrow(&borrow_global<Config>(@kofi).paused, (action as u64))
    }

    /// Signer of the protocol account.
    public(package) fun protocol_signer(): signer acquires StakeAccount {
        account::create_signer_with_capability(&borrow_global<StakeAccount>(@kofi).signer_cap)
    }

    /// Address of the protocol account.
    public(package) fun protocol_address(): address acquires StakeAccount {
        borrow_global<StakeAccount>(@kofi).addr
    }

    /// Current admin.
    public(package) fun admin(): address acquires Config { borrow_global<Config>(@kofi).admin }

    /// Pending admin, if a transfer is under way.
    public(package) fun pending_admin(): Option<address> acquires Config { borrow_global<Config>(@kofi).pending_admin }

    /// Current treasury.
    public(package) fun treasury(): address acquires Config { borrow_global<Config>(@kofi).treasury }

    /// Current protocol fee in bps of rewards.
    public(package) fun fee_bps(): u64 acquires Config { borrow_global<Config>(@kofi).fee_bps }

    /// Hard cap of the protocol fee.
    public(package) fun max_fee_bps(): u64 { MAX_FEE_BPS }

    /// Largest operator commission (bps) of a pool that receives deposits; 10000 means no limit.
    public(package) fun max_commission_bps(): u64 acquires SelectionLimits {
        borrow_global<SelectionLimits>(@kofi).max_commission_bps
    }

    /// Current minimum deposit.
    public(package) fun min_deposit(): u64 acquires Config { borrow_global<Config>(@kofi).min_deposit }

    /// Current minimum withdrawal.
    public(package) fun min_withdrawal(): u64 acquires Config { borrow_global<Config>(@kofi).min_withdrawal }

    /// Action id of deposits.
    public(package) fun action_deposit(): u8 { ACTION_DEPOSIT }

    /// Action id of staking.
    public(package) fun action_stake(): u8 { ACTION_STAKE }

    /// Action id of unstaking.
    public(package) fun action_unstake(): u8 { ACTION_UNSTAKE }

    /// Action id of withdrawal requests.
    public(package) fun action_withdraw(): u8 { ACTION_WITHDRAW }

    #[test_only]
    /// Runs `init_module` in unit tests.
    public fun init_for_test(kofi: &signer) {
        init_module(kofi);
    }
}
