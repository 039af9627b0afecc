#[test_only]
/// Tests of withdrawal tickets: claims after the lockup, readiness, ownership, transfers, batches, pauses.
module kofi::withdrawals_tests {
    use std::vector;
    use aptos_framework::account;
    use aptos_framework::aptos_coin::AptosCoin;
    use aptos_framework::coin;
    use aptos_framework::delegation_pool;
    use aptos_framework::stake;
    use kofi::config;
    use kofi::gateway;
    use kofi::kapt;
    use kofi::staking_manager;
    use kofi::test_helpers;
    use kofi::withdrawals;

    const ONE: u64 = 100000000;

    /// Alice deposits 50 APT and requests 20 APT; returns her ticket.
    fun alice_ticket(aptos_framework: &signer, kofi: &signer, alice: &signer): address {
        test_helpers::setup(aptos_framework, kofi);
        test_helpers::fund(alice, 100 * ONE);
        gateway::deposit(alice, 50 * ONE, 0);
        gateway::request_withdrawal(alice, 20 * ONE);
        *vector::borrow(&withdrawals::tickets_of(@0xA11CE), 0)
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_claim_after_lockup(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        let (_, _, apt_amount, _, _, _, _) = withdrawals::ticket_view(ticket);
        test_helpers::end_lockup();
        let (quote_apt, ready) = gateway::quote_claim(@0xA11CE, vector[ticket]);
        assert!(ready && quote_apt == apt_amount, 0);
        let apt_before = coin::balance<AptosCoin>(@0xA11CE);
        gateway::claim(alice, vector[ticket]);
        assert!(coin::balance<AptosCoin>(@0xA11CE) == apt_before + apt_amount, 1);
        assert!(withdrawals::liabilities() == 0, 2);
        assert!(vector::length(&withdrawals::tickets_of(@0xA11CE)) == 0, 3);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x30003, location = kofi::withdrawals)]
    fun test_claim_before_unlock(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        test_helpers::end_epoch(); // an epoch is not a lockup cycle
        gateway::claim(alice, vector[ticket]);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x60001, location = kofi::withdrawals)]
    fun test_double_claim(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        test_helpers::end_lockup();
        gateway::claim(alice, vector[ticket]);
        gateway::claim(alice, vector[ticket]);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x60001, location = kofi::withdrawals)]
    fun test_same_ticket_twice_in_one_batch(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        test_helpers::end_lockup();
        gateway::claim(alice, vector[ticket, ticket]);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x60001, location = kofi::withdrawals)]
    fun test_claim_unknown_ticket(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        gateway::claim(alice, vector[@0x1234]);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE, bob = @0xB0B)]
    #[expected_failure(abort_code = 0x50002, location = kofi::withdrawals)]
    fun test_claim_other_users_ticket(aptos_framework: &signer, kofi: &signer, alice: &signer, bob: &signer) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        test_helpers::end_lockup();
        gateway::claim(bob, vector[ticket]);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10004, location = kofi::withdrawals)]
    fun test_claim_empty_batch(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        gateway::claim(alice, vector[]);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x20005, location = kofi::withdrawals)]
    fun test_claim_batch_too_large(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        let tickets = vector[];
        let i = 0;
        while (i < 21) {
            vector::push_back(&mut tickets, @0x1234);
            i = i + 1;
        };
        gateway::claim(alice, tickets);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_claims_work_while_everything_paused(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        config::set_paused(kofi, 0, true);
        config::set_paused(kofi, 1, true);
        config::set_paused(kofi, 2, true);
        config::set_paused(kofi, 3, true);
        test_helpers::end_lockup();
        let (_, _, apt_amount, _, _, _, _) = withdrawals::ticket_view(ticket);
        let apt_before = coin::balance<AptosCoin>(@0xA11CE);
        gateway::claim(alice, vector[ticket]);
        assert!(coin::balance<AptosCoin>(@0xA11CE) == apt_before + apt_amount, 0);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_batch_claim_of_two_tickets(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let first = alice_ticket(aptos_framework, kofi, alice);
        gateway::request_withdrawal(alice, 10 * ONE);
        let tickets = withdrawals::tickets_of(@0xA11CE);
        assert!(vector::length(&tickets) == 2, 0);
        let liabilities = withdrawals::liabilities();
        test_helpers::end_lockup();
        let apt_before = coin::balance<AptosCoin>(@0xA11CE);
        gateway::claim(alice, tickets);
        assert!(coin::balance<AptosCoin>(@0xA11CE) == apt_before + liabilities, 1);
        assert!(withdrawals::liabilities() == 0, 2);
        let _ = first;
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE, bob = @0xB0B)]
    fun test_transfer_ticket_then_new_owner_claims(aptos_framework: &signer, kofi: &signer, alice: &signer, bob: &signer) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        test_helpers::fund(bob, ONE);
        gateway::transfer_ticket(alice, ticket, @0xB0B);
        assert!(vector::length(&withdrawals::tickets_of(@0xA11CE)) == 0, 0);
        assert!(withdrawals::tickets_of(@0xB0B) == vector[ticket], 1);
        let (owner, _, apt_amount, _, _, _, _) = withdrawals::ticket_view(ticket);
        assert!(owner == @0xB0B, 2);
        test_helpers::end_lockup();
        let apt_before = coin::balance<AptosCoin>(@0xB0B);
        gateway::claim(bob, vector[ticket]);
        assert!(coin::balance<AptosCoin>(@0xB0B) == apt_before + apt_amount, 3);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE, bob = @0xB0B)]
    #[expected_failure(abort_code = 0x50002, location = kofi::withdrawals)]
    fun test_old_owner_cannot_claim_transferred_ticket(
        aptos_framework: &signer, kofi: &signer, alice: &signer, bob: &signer
    ) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        gateway::transfer_ticket(alice, ticket, @0xB0B);
        test_helpers::end_lockup();
        gateway::claim(alice, vector[ticket]);
        let _ = bob;
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x10007, location = kofi::withdrawals)]
    fun test_transfer_ticket_to_self(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        gateway::transfer_ticket(alice, ticket, @0xA11CE);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE, bob = @0xB0B)]
    #[expected_failure(abort_code = 0x50002, location = kofi::withdrawals)]
    fun test_transfer_someone_elses_ticket(aptos_framework: &signer, kofi: &signer, alice: &signer, bob: &signer) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        gateway::transfer_ticket(bob, ticket, @0xB0B);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x60001, location = kofi::withdrawals)]
    fun test_transfer_unknown_ticket(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        test_helpers::setup(aptos_framework, kofi);
        gateway::transfer_ticket(alice, @0x1234, @0xB0B);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    #[expected_failure(abort_code = 0x50003, location = aptos_framework::object)]
    fun test_ungated_ticket_transfer_is_disabled(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        aptos_framework::object::transfer_call(alice, ticket, @0xB0B);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_claim_after_validator_left_the_set(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        let (_, _, apt_amount, _, _, _, pools) = withdrawals::ticket_view(ticket);
        let pool = *vector::borrow(&pools, 0);
        // the ticket's pool is the first test validator's (its owner is also its operator)
        assert!(delegation_pool::get_owned_pool_address(@0xA1) == pool, 0);
        stake::leave_validator_set(&account::create_signer_for_test(@0xA1), pool);
        test_helpers::end_epoch();
        assert!(!staking_manager::validator_active(pool), 1);
        test_helpers::end_lockup();
        // an inactive validator never inactivates its pending_inactive stake, so the lockup cycle does not
        // advance: the ticket is ready through can_withdraw_pending_inactive, and the claim must withdraw the
        // pending_inactive stake (get_pending_withdrawal reports it as not withdrawable)
        let (quote_apt, ready) = gateway::quote_claim(@0xA11CE, vector[ticket]);
        assert!(ready && quote_apt == apt_amount, 2);
        let apt_before = coin::balance<AptosCoin>(@0xA11CE);
        gateway::claim(alice, vector[ticket]);
        assert!(coin::balance<AptosCoin>(@0xA11CE) == apt_before + apt_amount, 3);
        assert!(withdrawals::liabilities() == 0, 4);
    }

    #[test(aptos_framework = @aptos_framework, kofi = @kofi, alice = @0xA11CE)]
    fun test_claim_leaves_pending_inactive_rewards_controlled(aptos_framework: &signer, kofi: &signer, alice: &signer) {
        let ticket = alice_ticket(aptos_framework, kofi, alice);
        let i = 0;
        while (i < 10) {
            test_helpers::end_epoch();
            i = i + 1;
        };
        test_helpers::end_lockup();
        let supply_before = kapt::supply();
        gateway::claim(alice, vector[ticket]);
        // rewards earned while pending_inactive stay with the protocol (idle) and become rewards
        let idle = staking_manager::idle_apt();
        assert!(idle > ONE, 0);
        assert!(kapt::supply() >= supply_before, 1);
        // nothing is owed on tickets any more, so the admin can put the idle APT back to work
        staking_manager::rebalance(kofi);
        assert!(staking_manager::idle_apt() < ONE, 2);
    }
}
