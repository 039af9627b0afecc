#[test_only]
/// Tests of the protocol against hostile validators (issue 12, section 2): deposits split around caps, stake
/// limits, allowlists and commission raises; evicted stake recovered and every ticket paid; permissionless
/// rebalance that keeps only matured tickets' APT idle and charges its add-stake fee to the equity; stake an
/// eviction paid into the protocol account recovered; the requester bearing unlock rounding; the largest
/// withdrawal view; the APR's history flag.
module kofi::hostile_validators_tests {
    use std::vector;
    use aptos_framework::account;
    use aptos_framework::aptos_account;
    use aptos_framework::aptos_coin::AptosCoin;
    use aptos_framework::coin;
    use aptos_framework::delegation_pool;
    use kofi::config;
    use kofi::gateway;
    use kofi::kapt;
    use kofi::rewards;
    use kofi::staking_manager;
    use kofi::test_helpers;
    use kofi::withdrawals;

    const ONE: u64 = 100000000;

    /// controlled APT >= kAPT supply + open tickets (the user liabilities).
    fun assert_backed() {
        let controlled = (staking_manager::controlled_apt() as u128);
        let owed = (kapt::supply() as u128) + (withdrawals::liabilities() as u128);
        assert!(controlled >= owed, 900);
    }

    /// controlled APT >= kAPT supply + open tickets + protocol equity (nothing the protocol owes is unbacked).
    fun assert_fully_backed() {
        let controlled = (staking_manager::controlled_apt() as u128);
        let owed = (kapt::supply() as u128) + (withdrawals::liabilities() as u128)
            + (staking_manager::protocol_equity() as u128);
        assert!(controlled >= owed, 901);
    }

    fun protocol_balance(): u64 {
        coin::balance<AptosCoin>(config::protocol_address())
    }

    fun sum(v: &vector<u64>): u64 {
        let t = 0;
        let i = 0;
        while (i < vector::length(v)) { t = t + *vector::borrow(v, i); i = i + 1; };
        t
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_deposit_split_across_caps(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        let i = 0;
        while (i < 3) { staking_manager::set_pool_cap(kofi, *vector::borrow(&pools, i), 20 * ONE); i = i + 1; };
        let (split_pools, amounts, fees) = gateway::quote_deposit_split(15 * ONE);
        assert!(vector::length(&split_pools) == 2, 0);
        assert!(sum(&amounts) == 15 * ONE, 1);
        let (fee, kapt_out) = gateway::quote_deposit(15 * ONE);
        assert!(fee == sum(&fees) && kapt_out == 15 * ONE - fee, 2);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 15 * ONE, 0);
        assert!(kapt::balance(@0xA11CE) == kapt_out, 3);
        assert_backed();
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi)]
    #[expected_failure(abort_code = 0x3000B, location = kofi::staking_manager)]
    fun test_quote_split_over_capacity(aptos_framework: &signer, kofi: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        let i = 0;
        while (i < 3) { staking_manager::set_pool_cap(kofi, *vector::borrow(&pools, i), 20 * ONE); i = i + 1; };
        gateway::quote_deposit_split(40 * ONE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_max_stake_splits_deposit(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        // each stake pool holds its validator's 1000 APT plus the protocol's seed: about 89 APT of room each
        let pools = test_helpers::setup_with_max_stake(aptos_framework, kofi, 1100 * ONE);
        assert!(staking_manager::deposit_capacity() < 270 * ONE, 0);
        let (split_pools, _, _) = gateway::quote_deposit_split(150 * ONE);
        assert!(vector::length(&split_pools) == 2, 1);
        test_helpers::fund(alice, 300 * ONE);
        gateway::deposit(alice, 150 * ONE, 0);
        assert!(vector::length(&pools) == 3, 2);
        assert_backed();
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x3000B, location = kofi::staking_manager)]
    fun test_max_stake_all_full_aborts_before_transfer(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup_with_max_stake(aptos_framework, kofi, 1100 * ONE);
        test_helpers::fund(alice, 300 * ONE);
        gateway::deposit(alice, 280 * ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_allowlisting_pool_is_skipped(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        let p1 = *vector::borrow(&pools, 0);
        delegation_pool::enable_delegators_allowlisting(&account::create_signer_for_test(@0xA1));
        assert!(!staking_manager::allowlisted(p1), 0);
        let (split_pools, _, _) = gateway::quote_deposit_split(5 * ONE);
        assert!(*vector::borrow(&split_pools, 0) != p1, 1);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 5 * ONE, 0);
        // allowlisted again: p1 (most under-weight) takes deposits again
        delegation_pool::allowlist_delegator(&account::create_signer_for_test(@0xA1), config::protocol_address());
        let (again, _, _) = gateway::quote_deposit_split(5 * ONE);
        assert!(*vector::borrow(&again, 0) == p1, 2);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_commission_limit_skips_pools(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        let p1 = *vector::borrow(&pools, 0);
        let p3 = *vector::borrow(&pools, 2);
        staking_manager::set_weights(kofi, pools, vector[1000, 4500, 4500]);
        config::set_max_commission_bps(kofi, 800);
        // p2 (10 %) is above the limit now; p3 (5 %) raises to 15 % from the next lockup cycle
        delegation_pool::update_commission_percentage(&account::create_signer_for_test(@0xA3), 1500);
        assert!(staking_manager::next_commission_bps(p3) == 1500, 0);
        assert!(staking_manager::deposit_capacity() == staking_manager::pool_deposit_room(0), 1);
        let (split_pools, _, _) = gateway::quote_deposit_split(50 * ONE);
        assert!(split_pools == vector[p1], 2);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 50 * ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10006, location = kofi::config)]
    fun test_max_commission_out_of_bounds(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        let _ = alice;
        config::set_max_commission_bps(kofi, 10001);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50001, location = kofi::config)]
    fun test_max_commission_not_admin(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        config::set_max_commission_bps(alice, 500);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE, bob = @0xB0B)]
    fun test_eviction_recovered_every_ticket_paid(
        aptos_framework: &signer, kofi: &signer, alice: &signer, bob: &signer
    ) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        let p1 = *vector::borrow(&pools, 0);
        test_helpers::fund(alice, 1000 * ONE);
        test_helpers::fund(bob, ONE);
        gateway::deposit(alice, 400 * ONE, 0); // p1
        test_helpers::end_epoch();
        gateway::request_withdrawal(alice, 50 * ONE);
        let ticket = *vector::borrow(&withdrawals::tickets_of(@0xA11CE), 0);
        // p1's owner turns allowlisting on without the protocol and evicts it
        let owner = account::create_signer_for_test(@0xA1);
        delegation_pool::enable_delegators_allowlisting(&owner);
        delegation_pool::evict_delegator(&owner, config::protocol_address());
        let (active, _, pending_inactive) = staking_manager::pool_stake(p1);
        assert!(active == 0 && pending_inactive > 400 * ONE, 0);
        assert_backed();
        // deposits keep flowing to the other pools
        gateway::deposit(alice, 20 * ONE, 0);
        test_helpers::end_lockup();
        // anyone recovers the evicted stake into idle APT
        staking_manager::withdraw_inactive_stake(bob, p1);
        assert!(staking_manager::idle_apt() > 400 * ONE, 1);
        let (_, inactive_after, _) = staking_manager::pool_stake(p1);
        assert!(inactive_after == 0, 2);
        assert_backed();
        // the ticket named p1 and is paid from idle APT
        let before = aptos_framework::coin::balance<aptos_framework::aptos_coin::AptosCoin>(@0xA11CE);
        gateway::claim(alice, vector[ticket]);
        let after = aptos_framework::coin::balance<aptos_framework::aptos_coin::AptosCoin>(@0xA11CE);
        assert!(after - before + 1 >= 50 * ONE, 3);
        assert!(withdrawals::liabilities() == 0, 4);
        // a keeper (any signer) puts the idle APT back to work on the pools that take it
        let idle = staking_manager::idle_apt();
        staking_manager::rebalance(bob);
        assert!(staking_manager::idle_apt() < ONE && idle > 300 * ONE, 5);
        assert_backed();
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE, bob = @0xB0B)]
    fun test_rebalance_reserves_only_matured_tickets(
        aptos_framework: &signer, kofi: &signer, alice: &signer, bob: &signer
    ) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 1000 * ONE);
        test_helpers::fund(bob, 1000 * ONE);
        gateway::deposit(alice, 100 * ONE, 0);
        gateway::deposit(bob, 100 * ONE, 0);
        test_helpers::end_epoch();
        // two 1 APT withdrawals: the framework unlocks 10 APT for each pool's first one
        gateway::request_withdrawal(alice, ONE);
        gateway::request_withdrawal(bob, ONE);
        let (matured, open) = staking_manager::ticket_reserve();
        assert!(matured == 0 && open > 0, 0);
        test_helpers::end_lockup();
        let (matured2, open2) = staking_manager::ticket_reserve();
        assert!(matured2 == open && open2 == 0, 1);
        // rebalance withdraws the unlocked top-ups and re-delegates all but the matured tickets' APT
        staking_manager::rebalance(alice);
        assert!(staking_manager::idle_apt() == matured2, 2);
        let alice_ticket = *vector::borrow(&withdrawals::tickets_of(@0xA11CE), 0);
        gateway::claim(alice, vector[alice_ticket]);
        let bob_ticket = *vector::borrow(&withdrawals::tickets_of(@0xB0B), 0);
        gateway::claim(bob, vector[bob_ticket]);
        assert!(staking_manager::idle_apt() == 0, 3);
        let (m3, o3) = staking_manager::ticket_reserve();
        assert!(m3 == 0 && o3 == 0, 4);
        assert_backed();
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_topped_up_unlocks_keep_kapt_backed(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 1000 * ONE);
        gateway::deposit(alice, 300 * ONE, 0);
        test_helpers::end_epoch();
        let i = 0;
        while (i < 12) {
            // small withdrawals: each new pending_inactive balance is topped up to 10 APT
            gateway::request_withdrawal(alice, ONE / 10 + i);
            assert_backed();
            if (i % 4 == 3) { test_helpers::end_lockup(); };
            i = i + 1;
        };
        let tickets = withdrawals::tickets_of(@0xA11CE);
        gateway::claim(alice, tickets);
        assert_backed();
    }

    /// Deposits 4000 APT this epoch: pending_active, so each stake pool can unlock at most its validator's own
    /// 1000 APT active stake less one octa.
    fun deposit_pending_active(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 5000 * ONE);
        gateway::deposit(alice, 2000 * ONE, 0);
        gateway::deposit(alice, 1200 * ONE, 0);
        gateway::deposit(alice, 800 * ONE, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_max_withdrawal_is_exact(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        deposit_pending_active(aptos_framework, kofi, alice);
        let max = gateway::max_withdrawal();
        assert!(max > 2700 * ONE && max < 3100 * ONE, 0);
        assert!(kapt::balance(@0xA11CE) > max, 1);
        let (apt, _) = gateway::quote_request_withdrawal(max);
        assert!(apt <= max && apt + 3 >= max, 2);
        gateway::request_withdrawal(alice, max);
        assert!(gateway::max_withdrawal() < 11 * ONE, 3);
        // next epoch the deposits are active and the rest can go
        test_helpers::end_epoch();
        assert!(gateway::max_withdrawal() > kapt::balance(@0xA11CE), 4);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30009, location = kofi::staking_manager)]
    fun test_above_max_withdrawal_aborts(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        deposit_pending_active(aptos_framework, kofi, alice);
        gateway::request_withdrawal(alice, gateway::max_withdrawal() + 1);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_apr_needs_history(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        let (enough, apr, _, _, _, _, _) = rewards::apr(aptos_framework::timestamp::now_seconds());
        assert!(!enough && apr == 0, 0);
        test_helpers::fund(alice, 1000 * ONE);
        gateway::deposit(alice, 500 * ONE, 0);
        test_helpers::end_epoch();
        test_helpers::advance(3600);
        let (enough2, _, _, _, _, _, _) = rewards::apr(aptos_framework::timestamp::now_seconds());
        assert!(!enough2, 1);
        // a day later, with rewards accrued but not synced, the history suffices and the APR is positive
        let d = 0;
        while (d < 24) { test_helpers::advance(3600); test_helpers::end_epoch(); d = d + 1; };
        let (enough3, apr3, gross3, _, window_secs, window_rewards, _) =
            rewards::apr(aptos_framework::timestamp::now_seconds());
        assert!(enough3 && apr3 > 0 && gross3 > apr3 && window_secs >= 86400 && window_rewards > 0, 2);
        // the protocol fee (10 %) separates gross and net
        assert!(apr3 == gross3 * 9000 / 10000 || apr3 + 1 == gross3 * 9000 / 10000, 3);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE, bob = @0xB0B)]
    fun test_eviction_after_maturity_recovers_paid_out_stake(
        aptos_framework: &signer, kofi: &signer, alice: &signer, bob: &signer
    ) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        let p1 = *vector::borrow(&pools, 0);
        test_helpers::fund(alice, 1000 * ONE);
        test_helpers::fund(bob, 100 * ONE);
        gateway::deposit(alice, 400 * ONE, 0); // p1
        test_helpers::end_epoch();
        gateway::request_withdrawal(alice, 50 * ONE);
        let ticket = *vector::borrow(&withdrawals::tickets_of(@0xA11CE), 0);
        test_helpers::end_lockup();
        // the ticket's stake is inactive now; the eviction's unlock pays it into the protocol account
        let idle = staking_manager::idle_apt();
        let balance = protocol_balance();
        let owner = account::create_signer_for_test(@0xA1);
        delegation_pool::enable_delegators_allowlisting(&owner);
        delegation_pool::evict_delegator(&owner, config::protocol_address());
        let paid_out = protocol_balance() - balance;
        assert!(paid_out >= 50 * ONE, 0);
        assert!(staking_manager::idle_apt() == idle, 1);
        // counted as controlled before any protocol transaction, so nothing is unbacked meanwhile
        let (recoverable, newly) = staking_manager::recoverable_evicted();
        assert!(recoverable == paid_out && newly == vector[p1], 2);
        assert_fully_backed();
        // the claim books it into idle APT first, then pays the ticket
        let before = coin::balance<AptosCoin>(@0xA11CE);
        gateway::claim(alice, vector[ticket]);
        assert!(coin::balance<AptosCoin>(@0xA11CE) - before + 1 >= 50 * ONE, 3);
        assert!(staking_manager::idle_apt() + 50 * ONE >= idle + paid_out, 4);
        assert_fully_backed();
        // the eviction is reconciled once: a later donation is never counted
        let idle_after = staking_manager::idle_apt();
        aptos_account::transfer(bob, config::protocol_address(), 5 * ONE);
        let (recoverable2, newly2) = staking_manager::recoverable_evicted();
        assert!(recoverable2 == 0 && vector::is_empty(&newly2), 5);
        rewards::sync_rewards(bob);
        assert!(staking_manager::idle_apt() == idle_after, 6);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE, bob = @0xB0B)]
    fun test_donation_without_eviction_is_not_recovered(
        aptos_framework: &signer, kofi: &signer, alice: &signer, bob: &signer
    ) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 1000 * ONE);
        gateway::deposit(alice, 100 * ONE, 0);
        let idle = staking_manager::idle_apt();
        let controlled = staking_manager::controlled_apt();
        aptos_account::transfer(alice, config::protocol_address(), 50 * ONE);
        assert!(staking_manager::controlled_apt() == controlled, 0);
        staking_manager::rebalance(bob);
        staking_manager::withdraw_inactive_stake(bob, *vector::borrow(&pools, 0));
        assert!(staking_manager::idle_apt() == idle, 1);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE, bob = @0xB0B)]
    fun test_rebalance_charges_fee_to_equity(aptos_framework: &signer, kofi: &signer, alice: &signer, bob: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 1000 * ONE);
        test_helpers::fund(bob, 1000 * ONE);
        gateway::deposit(alice, 100 * ONE, 0);
        gateway::deposit(bob, 100 * ONE, 0);
        test_helpers::end_epoch();
        // 1 APT withdrawals: the framework unlocks 10 APT each, the rest becomes idle APT at maturity
        gateway::request_withdrawal(alice, ONE);
        gateway::request_withdrawal(bob, ONE);
        test_helpers::end_lockup();
        rewards::sync_rewards(bob);
        staking_manager::sweep_all();
        let equity = staking_manager::protocol_equity();
        let controlled = staking_manager::controlled_apt();
        let idle = staking_manager::idle_apt();
        staking_manager::rebalance(bob);
        assert!(staking_manager::idle_apt() < idle, 0);
        // the add-stake fee left controlled APT and was taken from the equity, octa for octa
        let cost = controlled - staking_manager::controlled_apt();
        assert!(cost > 0 && equity - staking_manager::protocol_equity() == cost, 1);
        assert_fully_backed();
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE, bob = @0xB0B)]
    fun test_rebalance_limited_to_what_equity_pays(
        aptos_framework: &signer, kofi: &signer, alice: &signer, bob: &signer
    ) {
        let pools = test_helpers::setup(aptos_framework, kofi);
        let p1 = *vector::borrow(&pools, 0);
        staking_manager::set_weights(kofi, pools, vector[10000, 0, 0]);
        test_helpers::fund(alice, 10000 * ONE);
        let e = 0;
        while (e < 5) { gateway::deposit(alice, 900 * ONE, 0); test_helpers::end_epoch(); e = e + 1; };
        // p1 evicts the protocol; its 4,500 APT come back as idle APT after the lockup, with no ticket on them
        let owner = account::create_signer_for_test(@0xA1);
        delegation_pool::enable_delegators_allowlisting(&owner);
        delegation_pool::evict_delegator(&owner, config::protocol_address());
        staking_manager::set_weights(kofi, pools, vector[0, 0, 10000]);
        test_helpers::end_lockup();
        staking_manager::withdraw_inactive_stake(bob, p1);
        let idle = staking_manager::idle_apt();
        let equity = staking_manager::protocol_equity();
        assert!(idle > 4500 * ONE && equity < 34 * ONE, 0);
        // re-delegating it all would cost about 1 % (the test reward rate), more than the equity holds
        staking_manager::rebalance(bob);
        let delegated = idle - staking_manager::idle_apt();
        assert!(delegated > 1000 * ONE && staking_manager::idle_apt() > 500 * ONE, 1);
        assert!(staking_manager::protocol_equity() < equity / 10, 2);
        assert_fully_backed();
        // a second rebalance spends at most the equity left, never the users' backing
        let equity2 = staking_manager::protocol_equity();
        let controlled2 = staking_manager::controlled_apt();
        staking_manager::rebalance(bob);
        assert!(controlled2 - staking_manager::controlled_apt() <= equity2, 3);
        assert_fully_backed();
        assert_backed();
    }
}
