package uz.suhbat.application.fake;

import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepository;
import uz.suhbat.application.port.out.knowledge.KnowledgeModelRepositoryContract;

class InMemoryKnowledgeModelRepositoryTest extends KnowledgeModelRepositoryContract {

    @Override
    protected KnowledgeModelRepository emptyRepository() {
        return new InMemoryKnowledgeModelRepository();
    }
}
