package uz.suhbat.adapter.out.persistence;

import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepositoryContract;

class JooqKnowledgeModelRepositoryTest extends KnowledgeModelRepositoryContract {

    @Override
    protected KnowledgeModelRepository emptyRepository() {
        return new JooqKnowledgeModelRepository(TestDatabase.emptied());
    }
}
