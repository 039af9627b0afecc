/// Withdrawal tickets: kAPT is burned, stake is unlocked, and a ticket object owned by the requester records
/// the APT owed per pool and lockup cycle. Claims pay APT once every part's lockup cycle has ended.
module kofi::withdrawals {
    use std::error;
    use std::signer;
    use std::vector;
    use aptos_std::table::{Self, Table};
    use aptos_framework::event;
    use aptos_framework::object::{Self, DeleteRef, TransferRef};
    use aptos_framework::timestamp;
    use kofi::config;
    use kofi::kapt;
    use kofi::staking_manager;

    /// No ticket exists at this address (never created, or already claimed).
    const E_TICKET_NOT_FOUND: u64 = 1;
    /// The caller does not own this ticket.
    const E_NOT_TICKET_OWNER: u64 = 2;
    /// The ticket's lockup cycle has not ended yet.
    const E_TICKET_NOT_READY: u64 = 3;
    /// No tickets were given.
    const E_EMPTY_BATCH: u64 = 4;
    /// More than MAX_CLAIM_BATCH tickets in one claim.
    const E_BATCH_TOO_LARGE: u64 = 5;
    /// Withdrawn APT does not cover the ticket (should be unreachable).
    const E_INSUFFICIENT_LIQUIDITY: u64 = 6;
    /// A ticket cannot be transferred to its owner.
    const E_SELF_TRANSFER: u64 = 7;

    /// Largest number of tickets in one claim.
    const MAX_CLAIM_BATCH: u64 = 20;

    /// One pool's share of a ticket: APT owed and the pool's observed lockup cycle at the unlock.
    struct Part has copy, drop, store {
        pool: address,
        amount: u64,
        olc: u64,
    }

    /// A withdrawal ticket, stored at its own object and owned by the requester (or a later transferee).
    struct Ticket has key {
        id: u64,
        kapt_burned: u64,
        apt_amount: u64,
        parts: vector<Part>,
        requested_at: u64,
        unlock_at: u64,
        transfer_ref: TransferRef,
        delete_ref: DeleteRef,
    }

    /// Open-ticket accounting and the per-owner index, stored at `@kofi`.
    struct Withdrawals has key {
        liabilities: u64,
        next_id: u64,
        by_owner: Table<address, vector<address>>,
    }

    #[event]
    /// A ticket was created.
    struct WithdrawalRequested has drop, store {
        ticket: address,
        owner: address,
        kapt_burned: u64,
        apt_amount: u64,
        unlock_at: u64,
    }

    #[event]
    /// A ticket was claimed and deleted.
    struct WithdrawalClaimed has drop, store {
        ticket: address,
        owner: address,
        apt_amount: u64,
    }

    #[event]
    /// A ticket changed owner.
    struct TicketTransferred has drop, store {
        ticket: address,
        from: address,
        to: address,
    }

    fun init_module(kofi: &signer) {
        move_to(kofi, Withdrawals { liabilities: 0, next_id: 0, by_owner: table::new() });
    }

    // ---------------------------------------------------------------- state changes

    /// Burns `kapt_amount` kAPT of `user`, unlocks the stake and creates a ticket owned by the user.
    public(package) fun request(user: &signer, kapt_amount: u64): address acquires Withdrawals {
        let owner = signer::address_of(user);
        kapt::burn_from_signer(user, kapt_amount);
        let (pools, amounts, olcs, unlock_at) = staking_manager::unlock(kapt_amount);
        let parts = vector::empty<Part>();
        let apt_amount = 0;
        let i = 0;
        while (i < vector::length(&pools)) {
            let amount = *vector::borrow(&amounts, i);
            vector::push_back(&mut parts, Part {
                pool: *vector::borrow(&pools, i),
                amount,
                olc: *vector::borrow(&olcs, i),
            });
            apt_amount = apt_amount + amount;
            i = i + 1;
        };
        let constructor_ref = object::create_object(config::protocol_address());
        let transfer_ref = object::generate_transfer_ref(&constructor_ref);
        let delete_ref = object::generate_delete_ref(&constructor_ref);
        object::disable_ungated_transfer(&transfer_ref);
        object::transfer_with_ref(object::generate_linear_transfer_ref(&transfer_ref), owner);
        let ticket_signer = object::generate_signer(&constructor_ref);
        let ticket = signer::address_of(&ticket_signer);
        let w = borrow_global_mut<Withdrawals>(@kofi);
        let id = w.next_id;
        w.next_id = id + 1;
        w.liabilities = w.liabilities + apt_amount;
        index_add(&mut w.by_owner, owner, ticket);
        staking_manager::book_unlocks(&pools, &amounts, &olcs);
        move_to(&ticket_signer, Ticket {
            id,
            kapt_burned: kapt_amount,
            apt_amount,
            parts,
            requested_at: timestamp::now_seconds(),
            unlock_at,
            transfer_ref,
            delete_ref,
        });
        event::emit(WithdrawalRequested { ticket, owner, kapt_burned: kapt_amount, apt_amount, unlock_at });
        ticket
    }

    /// Claims `tickets` of `user`: withdraws inactive stake and pays each ticket's APT from idle APT. Never paused.
    /// A ticket is paid whichever pool it named: when the named pools' withdrawals (already swept, evicted,
    /// short by rounding) leave idle APT short, every pool's withdrawable stake is swept first.
    public(package) fun claim(user: &signer, tickets: vector<address>) acquires Ticket, Withdrawals {
        let owner = signer::address_of(user);
        assert_batch(&tickets);
        let i = 0;
        while (i < vector::length(&tickets)) {
            let ticket = *vector::borrow(&tickets, i);
            assert_owned(ticket, owner);
            let parts = borrow_global<Ticket>(ticket).parts;
            let j = 0;
            while (j < vector::length(&parts)) {
                let part = vector::borrow(&parts, j);
                staking_manager::sync_pool(part.pool);
                assert!(staking_manager::part_ready(part.pool, part.olc), error::invalid_state(E_TICKET_NOT_READY));
                j = j + 1;
            };
            let k = 0;
            while (k < vector::length(&parts)) {
                staking_manager::withdraw_inactive(vector::borrow(&parts, k).pool);
                k = k + 1;
            };
            let Ticket {
                id: _,
                kapt_burned: _,
                apt_amount,
                parts: _,
                requested_at: _,
                unlock_at: _,
                transfer_ref: _,
                delete_ref,
            } = move_from<Ticket>(ticket);
            if (staking_manager::idle_apt() < apt_amount) { staking_manager::sweep_all(); };
            assert!(staking_manager::idle_apt() >= apt_amount, error::invalid_state(E_INSUFFICIENT_LIQUIDITY));
            let m = 0;
            while (m < vector::length(&parts)) {
                let part = vector::borrow(&parts, m);
                staking_manager::release_unlock(part.pool, part.olc, part.amount);
                m = m + 1;
            };
            staking_manager::pay(owner, apt_amount);
            object::delete(delete_ref);
            let w = borrow_global_mut<Withdrawals>(@kofi);
            w.liabilities = w.liabilities - apt_amount;
            index_remove(&mut w.by_owner, owner, ticket);
            event::emit(WithdrawalClaimed { ticket, owner, apt_amount });
            i = i + 1;
        };
    }

    /// Moves `ticket` from `user` to `to`.
    public(package) fun transfer(user: &signer, ticket: address, to: address) acquires Ticket, Withdrawals {
        let from = signer::address_of(user);
        assert_owned(ticket, from);
        assert!(to != from, error::invalid_argument(E_SELF_TRANSFER));
        let t = borrow_global<Ticket>(ticket);
        object::transfer_with_ref(object::generate_linear_transfer_ref(&t.transfer_ref), to);
        let w = borrow_global_mut<Withdrawals>(@kofi);
        index_remove(&mut w.by_owner, from, ticket);
        index_add(&mut w.by_owner, to, ticket);
        event::emit(TicketTransferred { ticket, from, to });
    }

    // ---------------------------------------------------------------- reads

    /// APT owed on open tickets.
    public(package) fun liabilities(): u64 acquires Withdrawals { borrow_global<Withdrawals>(@kofi).liabilities }

    /// Tickets owned by `owner`.
    public(package) fun tickets_of(owner: address): vector<address> acquires Withdrawals {
        let w = borrow_global<Withdrawals>(@kofi);
        if (table::contains(&w.by_owner, owner)) { *table::borrow(&w.by_owner, owner) } else { vector::empty() }
    }

    /// Ticket fields: (owner, kapt_burned, apt_amount, requested_at, unlock_at, ready, pools).
    public(package) fun ticket_view(ticket: address): (address, u64, u64, u64, u64, bool, vector<address>) acquires Ticket {
        assert!(exists<Ticket>(ticket), error::not_found(E_TICKET_NOT_FOUND));
        let owner = object::owner(object::address_to_object<Ticket>(ticket));
        let t = borrow_global<Ticket>(ticket);
        let pools = vector::empty<address>();
        let i = 0;
        while (i < vector::length(&t.parts)) {
            vector::push_back(&mut pools, vector::borrow(&t.parts, i).pool);
            i = i + 1;
        };
        (owner, t.kapt_burned, t.apt_amount, t.requested_at, t.unlock_at, parts_ready(&t.parts), pools)
    }

    /// APT the claim of `tickets` by `owner` would pay, and whether every ticket is ready.
    /// Aborts like `claim` for an empty or oversized batch and for missing or foreign tickets.
    public(package) fun quote_claim(owner: address, tickets: vector<address>): (u64, bool) acquires Ticket {
        assert_batch(&tickets);
        let apt = 0;
        let ready = true;
        let i = 0;
        while (i < vector::length(&tickets)) {
            let ticket = *vector::borrow(&tickets, i);
            assert_owned(ticket, owner);
            let t = borrow_global<Ticket>(ticket);
            apt = apt + t.apt_amount;
            if (!parts_ready(&t.parts)) { ready = false; };
            i = i + 1;
        };
        (apt, ready)
    }

    // ---------------------------------------------------------------- internals

    fun assert_batch(tickets: &vector<address>) {
        let n = vector::length(tickets);
        assert!(n > 0, error::invalid_argument(E_EMPTY_BATCH));
        assert!(n <= MAX_CLAIM_BATCH, error::out_of_range(E_BATCH_TOO_LARGE));
    }

    fun assert_owned(ticket: address, owner: address) {
        assert!(exists<Ticket>(ticket), error::not_found(E_TICKET_NOT_FOUND));
        assert!(
            object::owner(object::address_to_object<Ticket>(ticket)) == owner,
            error::permission_denied(E_NOT_TICKET_OWNER)
        );
    }

    fun parts_ready(parts: &vector<Part>): bool {
        let i = 0;
        while (i < vector::length(parts)) {
            let part = vector::borrow(parts, i);
            if (!staking_manager::part_ready(part.pool, part.olc)) return false;
            i = i + 1;
        };
        true
    }

    fun index_add(index: &mut Table<address, vector<address>>, owner: address, ticket: address) {
        if (table::contains(index, owner)) {
            vector::push_back(table::borrow_mut(index, owner), ticket);
        } else {
            table::add(index, owner, vector::singleton(ticket));
        };
    }

    fun index_remove(index: &mut Table<address, vector<address>>, owner: address, ticket: address) {
        if (!table::contains(index, owner)) return;
        let now_empty = {
            let list = table::borrow_mut(index, owner);
            let (found, i) = vector::index_of(list, &ticket);
            if (found) { vector::remove(list, i); };
            vector::is_empty(list)
        };
        if (now_empty) {
            table::remove(index, owner);
        };
    }

    #[test_only]
    /// Runs `init_module` in unit tests.
    public fun init_for_test(kofi: &signer) {
        init_module(kofi);
    }
}
