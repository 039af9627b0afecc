#[test_only]
/// Tests of the user entries, the vault seed and the views of `kofi::gateway`.
module kofi::gateway_tests {
    use std::signer;
    use std::vector;
    use aptos_framework::aptos_coin::AptosCoin;
    use aptos_framework::coin;
    use kofi::config;
    use kofi::gateway;
    use kofi::kapt;
    use kofi::rewards;
    use kofi::staking_manager;
    use kofi::stkapt;
    use kofi::test_helpers;
    use kofi::vault;
    use kofi::withdrawals;

    const ONE: u64 = 100000000;

    // ---------------------------------------------------------------- deposit

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_deposit_mints_measured_active_stake(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        let (fee, kapt_quote) = gateway::quote_deposit(10 * ONE);
        assert!(fee > 0, 0); // the validators are active, so the add-stake fee applies
        assert!(fee + kapt_quote == 10 * ONE, 1);
        let supply_before = kapt::supply();
        let staked_before = staking_manager::total_staked_apt();
        gateway::deposit(alice, 10 * ONE, kapt_quote - 1);
        let minted = kapt::balance(@0xA11CE);
        assert!(minted + 1 >= kapt_quote && minted <= kapt_quote + 1, 2);
        assert!(minted < 10 * ONE, 3);
        assert!(kapt::supply() == supply_before + minted, 4);
        assert!(coin::balance<AptosCoin>(@0xA11CE) == 90 * ONE, 5);
        // kAPT minted equals the measured increase of the protocol's stake
        assert!(staking_manager::total_staked_apt() - staked_before == minted, 6);
        assert!(staking_manager::idle_apt() == 0, 7);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10001, location = kofi::gateway)]
    fun test_deposit_zero(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 0, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10002, location = kofi::gateway)]
    fun test_deposit_below_minimum(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, config::min_deposit() - 1, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10003, location = kofi::gateway)]
    fun test_deposit_slippage(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 10 * ONE, 10 * ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30004, location = kofi::config)]
    fun test_deposit_paused(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        config::set_paused(kofi, 0, true);
        gateway::deposit(alice, 10 * ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_deposit_after_unpause(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        config::set_paused(kofi, 0, true);
        config::set_paused(kofi, 0, false);
        gateway::deposit(alice, 10 * ONE, 0);
        assert!(kapt::balance(@0xA11CE) > 0, 0);
    }

    // ---------------------------------------------------------------- deposit_and_stake

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_deposit_and_stake(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        let (_, kapt_quote, stkapt_quote) = gateway::quote_deposit_and_stake(10 * ONE);
        assert!(kapt_quote == stkapt_quote, 0); // rate is exactly 1 after the seed
        let vault_before = vault::assets(0);
        gateway::deposit_and_stake(alice, 10 * ONE, stkapt_quote - 1);
        let shares = stkapt::balance(@0xA11CE);
        assert!(shares + 1 >= stkapt_quote && shares <= stkapt_quote + 1, 1);
        assert!(kapt::balance(@0xA11CE) == 0, 2); // the kAPT never left the protocol
        assert!(vault::user_shares() == shares, 3);
        assert!(vault::assets(0) == vault_before + shares, 4);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10003, location = kofi::gateway)]
    fun test_deposit_and_stake_slippage(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit_and_stake(alice, 10 * ONE, 10 * ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30004, location = kofi::config)]
    fun test_deposit_and_stake_paused_by_deposit(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        config::set_paused(kofi, 0, true);
        gateway::deposit_and_stake(alice, 10 * ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30004, location = kofi::config)]
    fun test_deposit_and_stake_paused_by_stake(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        config::set_paused(kofi, 1, true);
        gateway::deposit_and_stake(alice, 10 * ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30002, location = kofi::vault)]
    fun test_deposit_and_stake_not_seeded(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        test_helpers::add_pools(kofi, &pools);
        staking_manager::set_weights(kofi, pools, vector[5000, 3000, 2000]);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit_and_stake(alice, 10 * ONE, 0);
    }

    // ---------------------------------------------------------------- stake / unstake

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_stake_unstake_round_trip(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 10 * ONE, 0);
        let kapt_in = kapt::balance(@0xA11CE);
        assert!(gateway::quote_stake(kapt_in) == kapt_in, 0);
        gateway::stake(alice, kapt_in, kapt_in);
        let shares = stkapt::balance(@0xA11CE);
        assert!(shares == kapt_in, 1);
        assert!(kapt::balance(@0xA11CE) == 0, 2);
        let kapt_quote = gateway::quote_unstake(shares);
        gateway::unstake(alice, shares, kapt_quote);
        let kapt_out = kapt::balance(@0xA11CE);
        assert!(kapt_out == kapt_quote, 3);
        assert!(kapt_out <= kapt_in, 4); // rounding never favours the user
        assert!(stkapt::balance(@0xA11CE) == 0, 5);
        assert!(vault::user_shares() == 0, 6);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10001, location = kofi::gateway)]
    fun test_stake_zero(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        gateway::stake(alice, 0, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10003, location = kofi::gateway)]
    fun test_stake_slippage(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 10 * ONE, 0);
        let kapt_in = kapt::balance(@0xA11CE);
        gateway::stake(alice, kapt_in, kapt_in + 1);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30004, location = kofi::config)]
    fun test_stake_paused(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 10 * ONE, 0);
        config::set_paused(kofi, 1, true);
        gateway::stake(alice, ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30002, location = kofi::vault)]
    fun test_stake_not_seeded(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        test_helpers::add_pools(kofi, &pools);
        staking_manager::set_weights(kofi, pools, vector[5000, 3000, 2000]);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 10 * ONE, 0);
        gateway::stake(alice, ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10001, location = kofi::gateway)]
    fun test_unstake_zero(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        gateway::unstake(alice, 0, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10003, location = kofi::gateway)]
    fun test_unstake_slippage(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit_and_stake(alice, 10 * ONE, 0);
        let shares = stkapt::balance(@0xA11CE);
        gateway::unstake(alice, shares, shares + 1);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30004, location = kofi::config)]
    fun test_unstake_paused(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit_and_stake(alice, 10 * ONE, 0);
        config::set_paused(kofi, 2, true);
        gateway::unstake(alice, ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10004, location = aptos_framework::fungible_asset)]
    fun test_unstake_more_than_balance(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit_and_stake(alice, 10 * ONE, 0);
        let shares = stkapt::balance(@0xA11CE);
        gateway::unstake(alice, shares + 1, 0);
    }

    // ---------------------------------------------------------------- request_withdrawal

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_request_withdrawal_creates_ticket(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 50 * ONE, 0);
        let kapt_before = kapt::balance(@0xA11CE);
        let supply_before = kapt::supply();
        let (apt_quote, unlock_quote) = gateway::quote_request_withdrawal(20 * ONE);
        assert!(apt_quote == 20 * ONE, 0);
        gateway::request_withdrawal(alice, 20 * ONE);
        assert!(kapt::balance(@0xA11CE) == kapt_before - 20 * ONE, 1);
        assert!(kapt::supply() == supply_before - 20 * ONE, 2);
        let tickets = withdrawals::tickets_of(@0xA11CE);
        assert!(vector::length(&tickets) == 1, 3);
        let (owner, kapt_burned, apt_amount, _, unlock_at, ready, ticket_pools) =
            withdrawals::ticket_view(*vector::borrow(&tickets, 0));
        assert!(owner == @0xA11CE, 4);
        assert!(kapt_burned == 20 * ONE, 5);
        // the requester bears at most one octa of unlock rounding per pool
        assert!(apt_amount <= 20 * ONE && apt_amount + 1 >= 20 * ONE, 6);
        assert!(unlock_at == unlock_quote && unlock_at > 0, 7);
        assert!(!ready, 8);
        assert!(ticket_pools == vector[*vector::borrow(&pools, 0)], 9);
        assert!(withdrawals::liabilities() == apt_amount, 10);
        // the ticket views agree
        let info = gateway::ticket_info(*vector::borrow(&tickets, 0));
        let _ = info;
        let (quote_apt, quote_ready) = gateway::quote_claim(@0xA11CE, tickets);
        assert!(quote_apt == apt_amount && !quote_ready, 11);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10001, location = kofi::gateway)]
    fun test_request_withdrawal_zero(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        gateway::request_withdrawal(alice, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10004, location = kofi::gateway)]
    fun test_request_withdrawal_below_minimum(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 10 * ONE, 0);
        gateway::request_withdrawal(alice, config::min_withdrawal() - 1);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30004, location = kofi::config)]
    fun test_request_withdrawal_paused(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 50 * ONE, 0);
        config::set_paused(kofi, 3, true);
        gateway::request_withdrawal(alice, 20 * ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10004, location = aptos_framework::fungible_asset)]
    fun test_request_withdrawal_more_than_balance(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 10 * ONE, 0);
        gateway::request_withdrawal(alice, 10 * ONE);
    }

    // ---------------------------------------------------------------- unstake_and_request_withdrawal

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_unstake_and_request_withdrawal(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit_and_stake(alice, 50 * ONE, 0);
        let shares = stkapt::balance(@0xA11CE);
        let (kapt_quote, apt_quote, _) = gateway::quote_unstake_and_request_withdrawal(shares);
        assert!(kapt_quote == apt_quote, 0);
        gateway::unstake_and_request_withdrawal(alice, shares, kapt_quote);
        assert!(stkapt::balance(@0xA11CE) == 0, 1);
        assert!(kapt::balance(@0xA11CE) == 0, 2);
        let tickets = withdrawals::tickets_of(@0xA11CE);
        assert!(vector::length(&tickets) == 1, 3);
        let (_, kapt_burned, _, _, _, _, _) = withdrawals::ticket_view(*vector::borrow(&tickets, 0));
        assert!(kapt_burned == kapt_quote, 4);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30004, location = kofi::config)]
    fun test_unstake_and_request_paused_by_unstake(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit_and_stake(alice, 50 * ONE, 0);
        config::set_paused(kofi, 2, true);
        gateway::unstake_and_request_withdrawal(alice, 10 * ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30004, location = kofi::config)]
    fun test_unstake_and_request_paused_by_withdraw(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit_and_stake(alice, 50 * ONE, 0);
        config::set_paused(kofi, 3, true);
        gateway::unstake_and_request_withdrawal(alice, 10 * ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10003, location = kofi::gateway)]
    fun test_unstake_and_request_slippage(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit_and_stake(alice, 50 * ONE, 0);
        gateway::unstake_and_request_withdrawal(alice, 10 * ONE, 10 * ONE + 1);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10004, location = kofi::gateway)]
    fun test_unstake_and_request_below_minimum(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit_and_stake(alice, 50 * ONE, 0);
        gateway::unstake_and_request_withdrawal(alice, 1000, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10001, location = kofi::gateway)]
    fun test_unstake_and_request_zero(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        gateway::unstake_and_request_withdrawal(alice, 0, 0);
    }

    // ---------------------------------------------------------------- seed_vault

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    fun test_seed_vault_books_dead_shares(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        let (total_kapt, total_shares, dead_shares, _, _) = vault::counters_for_test();
        assert!(dead_shares > 0 && dead_shares == total_shares && total_kapt == dead_shares, 0);
        assert!(vault::user_shares() == 0, 1);
        assert!(stkapt::supply() == 0, 2); // dead shares are held by nobody
        assert!(kapt::balance(config::protocol_address()) == total_kapt, 3);
        let (num, den) = gateway::exchange_rate();
        assert!(num == den, 4);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x80003, location = kofi::vault)]
    fun test_seed_vault_twice(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        gateway::seed_vault(kofi, ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x10004, location = kofi::vault)]
    fun test_seed_vault_too_small(aptos_framework: &signer, kofi: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        test_helpers::add_pools(kofi, &pools);
        staking_manager::set_weights(kofi, pools, vector[5000, 3000, 2000]);
        gateway::seed_vault(kofi, ONE - 1);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_seed_vault_not_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup_unconfigured(aptos_framework, kofi);
        test_helpers::add_pools(kofi, &pools);
        staking_manager::set_weights(kofi, pools, vector[5000, 3000, 2000]);
        test_helpers::fund(alice, 100 * ONE);
        gateway::seed_vault(alice, ONE);
    }

    // ---------------------------------------------------------------- views

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_views(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit_and_stake(alice, 20 * ONE, 0);
        gateway::deposit(alice, 20 * ONE, 0);
        gateway::request_withdrawal(alice, 5 * ONE);
        let state = gateway::protocol_state();
        // the reward stream fields mirror the vault: no rewards synced yet, so no stream
        let (streaming, amount, start, end, _) = gateway::stream_of_state_for_test(&state);
        let (_, _, _, vault_amount, _) = vault::counters_for_test();
        assert!(amount == vault_amount && start == vault::stream_start() && end == vault::stream_end(), 3);
        assert!(streaming <= amount, 4);
        let summary = gateway::user_summary(signer::address_of(alice));
        let _ = summary;
        let empty = gateway::user_summary(@0xB0B);
        let _ = empty;
        assert!(gateway::kapt_metadata() == kapt::metadata(), 0);
        assert!(gateway::stkapt_metadata() == stkapt::metadata(), 1);
        assert!(gateway::quote_unstake(ONE) == ONE, 2);
        // after an epoch's rewards are synced, the state carries the live stream: started now, one epoch long
        test_helpers::end_epoch();
        rewards::sync_rewards(alice);
        let synced = gateway::protocol_state();
        let (streaming, amount, start, end, now) = gateway::stream_of_state_for_test(&synced);
        let (_, _, _, vault_amount, _) = vault::counters_for_test();
        assert!(amount > 0 && amount == vault_amount, 5);
        assert!(start == now && end == now + test_helpers::epoch_interval_secs(), 6);
        assert!(streaming == amount, 7);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x10001, location = kofi::gateway)]
    fun test_quote_deposit_zero(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        let (_, _) = gateway::quote_deposit(0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x10002, location = kofi::gateway)]
    fun test_quote_deposit_below_minimum(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        let (_, _) = gateway::quote_deposit(1000);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x10004, location = kofi::gateway)]
    fun test_quote_request_withdrawal_below_minimum(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        let (_, _) = gateway::quote_request_withdrawal(1000);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x30009, location = kofi::staking_manager)]
    fun test_quote_request_withdrawal_too_large(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        let (_, _) = gateway::quote_request_withdrawal(1000000 * ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x60001, location = kofi::withdrawals)]
    fun test_ticket_info_missing(aptos_framework: &signer, kofi: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        let _ = gateway::ticket_info(@0x1234);
    }
}
